//! The in-process queue behind `memory://`: channels between the api and its worker tasks.
//! Messages live only in memory; the api's start-up sweep re-enqueues what a crash lost.

use super::{Acknowledge, Delivery, Job, JobQueue, QueueError, WorkerEvent};
use async_trait::async_trait;
use tokio::sync::{Mutex, mpsc};

/// One direction of the queue: any number of producers, consumers taking turns.
struct Channel<T> {
    tx: mpsc::UnboundedSender<T>,
    rx: Mutex<mpsc::UnboundedReceiver<T>>,
}

impl<T: Clone + Send + 'static> Channel<T> {
    fn new() -> Self {
        let (tx, rx) = mpsc::unbounded_channel();
        Channel {
            tx,
            rx: Mutex::new(rx),
        }
    }

    fn send(&self, message: T) -> Result<(), QueueError> {
        self.tx.send(message).map_err(|_| QueueError::Closed)
    }

    async fn recv(&self) -> Result<Delivery<T>, QueueError> {
        let message = self.rx.lock().await.recv().await.ok_or(QueueError::Closed)?;
        // The acker keeps a copy so that a nack can put the message back.
        Ok(Delivery::new(
            message.clone(),
            Box::new(Redeliver {
                tx: self.tx.clone(),
                message,
            }),
        ))
    }
}

/// Acknowledging drops the message; a nack puts it back on the channel.
struct Redeliver<T> {
    tx: mpsc::UnboundedSender<T>,
    message: T,
}

#[async_trait]
impl<T: Send + 'static> Acknowledge for Redeliver<T> {
    async fn ack(self: Box<Self>) -> Result<(), QueueError> {
        Ok(())
    }

    async fn nack(self: Box<Self>) -> Result<(), QueueError> {
        self.tx.send(self.message).map_err(|_| QueueError::Closed)
    }
}

pub struct MemoryQueue {
    jobs: Channel<Job>,
    events: Channel<WorkerEvent>,
}

impl MemoryQueue {
    pub fn new() -> Self {
        MemoryQueue {
            jobs: Channel::new(),
            events: Channel::new(),
        }
    }
}

impl Default for MemoryQueue {
    fn default() -> Self {
        Self::new()
    }
}

#[async_trait]
impl JobQueue for MemoryQueue {
    async fn enqueue(&self, job: &Job) -> Result<(), QueueError> {
        self.jobs.send(job.clone())
    }

    async fn next_job(&self) -> Result<Delivery<Job>, QueueError> {
        self.jobs.recv().await
    }

    async fn report(&self, event: &WorkerEvent) -> Result<(), QueueError> {
        self.events.send(event.clone())
    }

    async fn next_event(&self) -> Result<Delivery<WorkerEvent>, QueueError> {
        self.events.recv().await
    }

    async fn ping(&self) -> Result<(), QueueError> {
        Ok(())
    }

    fn is_in_process(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_queue_passes_the_contract() {
        super::super::contract::queue_contract(&MemoryQueue::new()).await;
    }
}
