//! Page geometry: boxes as fractions of the page, origin at the top-left corner.

use serde::{Deserialize, Serialize};

/// A rectangle `[x0, y0, x1, y1]` in fractions 0..1 of the page's width and height, origin
/// top-left. Coordinates are normalized once, at ingestion, so nothing downstream knows
/// about PDF points or pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Default)]
#[serde(from = "[f32; 4]", into = "[f32; 4]")]
pub struct BBox {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl From<[f32; 4]> for BBox {
    fn from(a: [f32; 4]) -> Self {
        BBox::new(a[0], a[1], a[2], a[3])
    }
}

impl From<BBox> for [f32; 4] {
    fn from(b: BBox) -> Self {
        [b.x0, b.y0, b.x1, b.y1]
    }
}

impl BBox {
    /// Builds a box, ordering the corners and clamping them to the page.
    pub fn new(x0: f32, y0: f32, x1: f32, y1: f32) -> Self {
        let c = |v: f32| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        BBox {
            x0: c(x0.min(x1)),
            y0: c(y0.min(y1)),
            x1: c(x0.max(x1)),
            y1: c(y0.max(y1)),
        }
    }

    /// Converts a rectangle in page units with a top-left origin into page fractions.
    pub fn from_page_units(
        left: f32,
        top: f32,
        right: f32,
        bottom: f32,
        width: f32,
        height: f32,
    ) -> Self {
        if width <= 0.0 || height <= 0.0 {
            return BBox::default();
        }
        BBox::new(left / width, top / height, right / width, bottom / height)
    }

    pub fn width(&self) -> f32 {
        self.x1 - self.x0
    }

    pub fn height(&self) -> f32 {
        self.y1 - self.y0
    }

    pub fn area(&self) -> f32 {
        self.width() * self.height()
    }

    pub fn center_y(&self) -> f32 {
        (self.y0 + self.y1) / 2.0
    }

    pub fn center_x(&self) -> f32 {
        (self.x0 + self.x1) / 2.0
    }

    /// The smallest box holding both.
    pub fn merge(&self, other: &BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            y0: self.y0.min(other.y0),
            x1: self.x1.max(other.x1),
            y1: self.y1.max(other.y1),
        }
    }

    /// The smallest box holding all of `boxes`, or `None` for none.
    pub fn union<'a>(boxes: impl IntoIterator<Item = &'a BBox>) -> Option<BBox> {
        boxes
            .into_iter()
            .fold(None, |acc, b| Some(acc.map_or(*b, |a: BBox| a.merge(b))))
    }

    pub fn contains(&self, other: &BBox) -> bool {
        other.x0 >= self.x0 && other.y0 >= self.y0 && other.x1 <= self.x1 && other.y1 <= self.y1
    }

    pub fn intersection(&self, other: &BBox) -> f32 {
        let w = (self.x1.min(other.x1) - self.x0.max(other.x0)).max(0.0);
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        w * h
    }

    /// Intersection over union, 0 for disjoint boxes.
    pub fn iou(&self, other: &BBox) -> f32 {
        let inter = self.intersection(other);
        let union = self.area() + other.area() - inter;
        if union <= 0.0 { 0.0 } else { inter / union }
    }

    /// Fraction of the shorter box's height shared vertically: how much two words sit on one line.
    pub fn vertical_overlap(&self, other: &BBox) -> f32 {
        let h = (self.y1.min(other.y1) - self.y0.max(other.y0)).max(0.0);
        let m = self.height().min(other.height());
        if m <= 0.0 { 0.0 } else { h / m }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_and_clamps_corners() {
        let b = BBox::new(0.8, 1.4, -0.2, 0.3);
        assert_eq!(
            b,
            BBox {
                x0: 0.0,
                y0: 0.3,
                x1: 0.8,
                y1: 1.0
            }
        );
    }

    #[test]
    fn iou_of_identical_is_one_and_disjoint_is_zero() {
        let a = BBox::new(0.1, 0.1, 0.3, 0.3);
        let b = BBox::new(0.5, 0.5, 0.6, 0.6);
        assert!((a.iou(&a) - 1.0).abs() < 1e-6);
        assert_eq!(a.iou(&b), 0.0);
        assert!(a.merge(&b).contains(&a) && a.merge(&b).contains(&b));
    }

    #[test]
    fn serializes_as_four_numbers() {
        let b = BBox::new(0.25, 0.5, 0.75, 1.0);
        assert_eq!(serde_json::to_string(&b).unwrap(), "[0.25,0.5,0.75,1.0]");
        let back: BBox = serde_json::from_str("[0.25,0.5,0.75,1.0]").unwrap();
        assert_eq!(back, b);
    }
}
