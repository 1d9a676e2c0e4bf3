//! The Google Pub/Sub queue behind `pubsub://projects/PROJECT[?prefix=NAME]`: a jobs topic
//! pulled by workers and an events topic pulled by the api, each with one shared subscription.
//! Unacknowledged messages are redelivered by Pub/Sub, which gives at-least-once delivery.

use super::{Acknowledge, Delivery, Job, JobQueue, QueueError, WorkerEvent};
use async_trait::async_trait;
use google_cloud_pubsub::client::{Publisher, Subscriber, SubscriptionAdmin, TopicAdmin};
use google_cloud_pubsub::model::Message;
use google_cloud_pubsub::subscriber::handler::Handler;
use google_cloud_pubsub::subscriber::MessageStream;
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;

/// Where the queue lives and what its topics are called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubSubConfig {
    pub project: String,
    /// Prepended to topic and subscription names (`leasegrid` by default).
    pub prefix: String,
    /// The emulator's address, e.g. `http://127.0.0.1:8085`; `None` for Google's service.
    pub endpoint: Option<String>,
}

impl PubSubConfig {
    /// Parses `PROJECT[?prefix=NAME]`, the part after `pubsub://projects/`.
    pub fn parse(rest: &str, endpoint: Option<&str>) -> Option<Self> {
        let (project, query) = rest.split_once('?').unwrap_or((rest, ""));
        let valid = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        };
        if !valid(project) {
            return None;
        }
        let prefix = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("prefix="))
            .unwrap_or("leasegrid");
        if !valid(prefix) {
            return None;
        }
        Some(PubSubConfig {
            project: project.to_string(),
            prefix: prefix.to_string(),
            endpoint: endpoint.map(str::to_string),
        })
    }

    fn topic(&self, what: &str) -> String {
        format!("projects/{}/topics/{}-{what}", self.project, self.prefix)
    }

    fn subscription(&self, what: &str) -> String {
        format!("projects/{}/subscriptions/{}-{what}", self.project, self.prefix)
    }
}

fn backend(e: impl std::fmt::Display) -> QueueError {
    QueueError::Backend(e.to_string())
}

/// Builds a client with the emulator endpoint and anonymous credentials when one is configured.
macro_rules! configured {
    ($builder:expr, $config:expr) => {{
        let mut b = $builder;
        if let Some(endpoint) = &$config.endpoint {
            b = b
                .with_endpoint(endpoint.clone())
                .with_credentials(google_cloud_auth::credentials::anonymous::Builder::new().build());
        }
        b.build().await.map_err(backend)
    }};
}

/// Settles a Pub/Sub message through its handler.
struct PubSubAck(Handler);

#[async_trait]
impl Acknowledge for PubSubAck {
    async fn ack(self: Box<Self>) -> Result<(), QueueError> {
        self.0.ack();
        Ok(())
    }

    async fn nack(self: Box<Self>) -> Result<(), QueueError> {
        self.0.nack();
        Ok(())
    }
}

pub struct PubSubQueue {
    config: PubSubConfig,
    jobs: Publisher,
    events: Publisher,
    subscriber: Subscriber,
    job_stream: Mutex<Option<MessageStream>>,
    event_stream: Mutex<Option<MessageStream>>,
    topic_admin: TopicAdmin,
}

impl PubSubQueue {
    /// Connects, creating the topics and subscriptions when they do not exist yet.
    pub async fn connect(config: PubSubConfig) -> Result<Self, QueueError> {
        let topic_admin: TopicAdmin = configured!(TopicAdmin::builder(), config)?;
        let sub_admin: SubscriptionAdmin = configured!(SubscriptionAdmin::builder(), config)?;
        for what in ["jobs", "events"] {
            let created = topic_admin
                .create_topic()
                .set_name(config.topic(what))
                .send()
                .await;
            ignore_already_exists(created.map(|_| ()))?;
            let created = sub_admin
                .create_subscription()
                .set_name(config.subscription(what))
                .set_topic(config.topic(what))
                .set_ack_deadline_seconds(60)
                .send()
                .await;
            ignore_already_exists(created.map(|_| ()))?;
        }
        Ok(PubSubQueue {
            jobs: configured!(Publisher::builder(config.topic("jobs")), config)?,
            events: configured!(Publisher::builder(config.topic("events")), config)?,
            subscriber: configured!(Subscriber::builder(), config)?,
            job_stream: Mutex::new(None),
            event_stream: Mutex::new(None),
            topic_admin,
            config,
        })
    }

    async fn publish<T: Serialize>(publisher: &Publisher, message: &T) -> Result<(), QueueError> {
        let data = serde_json::to_vec(message).map_err(|e| QueueError::Malformed(e.to_string()))?;
        publisher
            .publish(Message::new().set_data(data))
            .await
            .map_err(backend)?;
        Ok(())
    }

    /// The next message of a subscription, decoded; undecodable messages are acknowledged
    /// (they would fail forever) and reported.
    async fn next<T: DeserializeOwned>(
        &self,
        stream: &Mutex<Option<MessageStream>>,
        what: &str,
    ) -> Result<Delivery<T>, QueueError> {
        let mut guard = stream.lock().await;
        let stream = guard.get_or_insert_with(|| {
            self.subscriber
                .subscribe(self.config.subscription(what))
                .build()
        });
        let (message, handler) = match stream.next().await {
            Some(Ok(m)) => m,
            Some(Err(e)) => {
                // The stream is broken; the next call opens a new one.
                *guard = None;
                return Err(backend(e));
            }
            None => {
                *guard = None;
                return Err(QueueError::Backend("the subscription stream ended".into()));
            }
        };
        match serde_json::from_slice(&message.data) {
            Ok(m) => Ok(Delivery::new(m, Box::new(PubSubAck(handler)))),
            Err(e) => {
                handler.ack();
                Err(QueueError::Malformed(e.to_string()))
            }
        }
    }
}

fn ignore_already_exists(result: Result<(), google_cloud_pubsub::Error>) -> Result<(), QueueError> {
    match result {
        Err(e)
            if e.status()
                .is_some_and(|s| s.code == google_cloud_gax::error::rpc::Code::AlreadyExists) =>
        {
            Ok(())
        }
        other => other.map_err(backend),
    }
}

#[async_trait]
impl JobQueue for PubSubQueue {
    async fn enqueue(&self, job: &Job) -> Result<(), QueueError> {
        Self::publish(&self.jobs, job).await
    }

    async fn next_job(&self) -> Result<Delivery<Job>, QueueError> {
        self.next(&self.job_stream, "jobs").await
    }

    async fn report(&self, event: &WorkerEvent) -> Result<(), QueueError> {
        Self::publish(&self.events, event).await
    }

    async fn next_event(&self) -> Result<Delivery<WorkerEvent>, QueueError> {
        self.next(&self.event_stream, "events").await
    }

    async fn ping(&self) -> Result<(), QueueError> {
        self.topic_admin
            .get_topic()
            .set_topic(self.config.topic("jobs"))
            .send()
            .await
            .map(|_| ())
            .map_err(backend)
    }

    fn is_in_process(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_with_an_optional_prefix() {
        let c = PubSubConfig::parse("acme-prod", None).unwrap();
        assert_eq!(c.topic("jobs"), "projects/acme-prod/topics/leasegrid-jobs");
        let c = PubSubConfig::parse("p?prefix=t1", Some("http://x:1")).unwrap();
        assert_eq!(c.subscription("events"), "projects/p/subscriptions/t1-events");
        assert!(PubSubConfig::parse("", None).is_none());
        assert!(PubSubConfig::parse("a/b", None).is_none());
    }

    /// Runs the queue contract against the emulator `make test` starts. Skipped only when
    /// `LEASEGRID_TEST_PUBSUB_ENDPOINT` is absent; an unreachable emulator fails.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn pubsub_queue_passes_the_contract_on_the_emulator() {
        let Ok(endpoint) = std::env::var("LEASEGRID_TEST_PUBSUB_ENDPOINT") else {
            eprintln!("skipped: LEASEGRID_TEST_PUBSUB_ENDPOINT is not set");
            return;
        };
        let prefix = format!("t{}", uuid::Uuid::new_v4().simple());
        let config = PubSubConfig::parse(&format!("test-project?prefix={prefix}"), Some(&endpoint)).unwrap();
        let queue = tokio::time::timeout(std::time::Duration::from_secs(30), PubSubQueue::connect(config))
            .await
            .expect("the emulator answers within 30 s")
            .expect("connect to the emulator");
        super::super::contract::queue_contract(&queue).await;
    }
}
