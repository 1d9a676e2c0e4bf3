//! The resolution a PNG or JPEG states for itself: PNG's `pHYs` chunk, JPEG's JFIF density or
//! its EXIF `XResolution`. It sizes the page in points and tells tesseract the text size; the
//! pixels are never resampled. Read from the header bytes directly (a few dozen lines), since
//! the image decoder does not expose it.

/// Stated resolutions outside this range (in dots per inch) are taken as unset. 72 is the
/// placeholder many programs write when they know nothing, so it counts as unset too.
const CREDIBLE_DPI: std::ops::RangeInclusive<f32> = 72.5..=2400.0;

/// The horizontal resolution stated in a PNG or JPEG file, when it is credible.
pub fn stated_dpi(bytes: &[u8]) -> Option<u32> {
    let dpi = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_dpi(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_dpi(bytes)
    } else {
        None
    }?;
    CREDIBLE_DPI.contains(&dpi).then(|| dpi.round() as u32)
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// `pHYs`: pixels per unit on x and y, and the unit (1 = metre, 0 = only an aspect ratio). It
/// must come before the image data, so the walk stops at `IDAT`.
fn png_dpi(b: &[u8]) -> Option<f32> {
    let mut at = 8;
    loop {
        let length = be32(b, at)? as usize;
        let kind = b.get(at + 4..at + 8)?;
        if kind == b"pHYs" {
            let data = b.get(at + 8..at + 8 + length.min(9))?;
            return (data.len() == 9 && data[8] == 1)
                .then(|| be32(data, 0).map(|per_metre| per_metre as f32 * 0.0254))
                .flatten();
        }
        if kind == b"IDAT" || kind == b"IEND" {
            return None;
        }
        at = at.checked_add(12)?.checked_add(length)?;
    }
}

/// Walks the JPEG markers before the image data: JFIF density (APP0) first, else EXIF (APP1).
fn jpeg_dpi(b: &[u8]) -> Option<f32> {
    let mut at = 2;
    let mut exif = None;
    while b.get(at) == Some(&0xFF) {
        let marker = *b.get(at + 1)?;
        // Start of scan: the headers are over.
        if marker == 0xDA {
            break;
        }
        let length = be16(b, at + 2)? as usize;
        let segment = b.get(at + 4..at + 2 + length.max(2))?;
        match marker {
            0xE0 if segment.starts_with(b"JFIF\0") && segment.len() >= 12 => {
                let density = f32::from(be16(segment, 8)?);
                match segment[7] {
                    1 => return Some(density),
                    2 => return Some(density * 2.54),
                    _ => {}
                }
            }
            0xE1 if segment.starts_with(b"Exif\0\0") => exif = exif_dpi(&segment[6..]),
            _ => {}
        }
        at += 2 + length;
    }
    exif
}

/// `XResolution` (a rational) and `ResolutionUnit` (2 = inch, 3 = centimetre) from the first
/// IFD of an EXIF block, a small TIFF file of either byte order.
fn exif_dpi(tiff: &[u8]) -> Option<f32> {
    let little = match tiff.get(0..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let raw: [u8; 2] = tiff.get(at..at + 2)?.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(raw)
        } else {
            u16::from_be_bytes(raw)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let raw: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(raw)
        } else {
            u32::from_be_bytes(raw)
        })
    };
    let ifd = u32_at(4)? as usize;
    let entries = u16_at(ifd)? as usize;
    let (mut resolution, mut per_cm) = (None, false);
    for i in 0..entries {
        let entry = ifd + 2 + 12 * i;
        match u16_at(entry)? {
            0x011A => {
                let value = u32_at(entry + 8)? as usize;
                let (n, d) = (u32_at(value)?, u32_at(value + 4)?);
                resolution = (d != 0).then(|| n as f32 / d as f32);
            }
            0x0128 => per_cm = u16_at(entry + 8)? == 3,
            _ => {}
        }
    }
    resolution.map(|r| if per_cm { r * 2.54 } else { r })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_with_phys(per_metre: u32, unit: u8) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
        b.extend(13u32.to_be_bytes());
        b.extend(b"IHDR");
        b.extend([0; 13 + 4]);
        b.extend(9u32.to_be_bytes());
        b.extend(b"pHYs");
        b.extend(per_metre.to_be_bytes());
        b.extend(per_metre.to_be_bytes());
        b.push(unit);
        b.extend([0; 4]);
        b
    }

    #[test]
    fn png_phys_in_metres_gives_dpi_and_72_or_no_unit_gives_none() {
        assert_eq!(stated_dpi(&png_with_phys(11811, 1)), Some(300));
        assert_eq!(stated_dpi(&png_with_phys(2835, 1)), None);
        assert_eq!(stated_dpi(&png_with_phys(11811, 0)), None);
        assert_eq!(stated_dpi(&png_with_phys(11811, 1)[..40]), None);
    }

    #[test]
    fn jpeg_jfif_density_and_exif_resolution_are_read() {
        let jfif = |units: u8, density: u16| {
            let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
            b.extend(b"JFIF\0\x01\x02");
            b.push(units);
            b.extend(density.to_be_bytes());
            b.extend(density.to_be_bytes());
            b.extend([0, 0, 0xFF, 0xDA]);
            b
        };
        assert_eq!(stated_dpi(&jfif(1, 200)), Some(200));
        assert_eq!(stated_dpi(&jfif(2, 118)), Some(300));
        assert_eq!(stated_dpi(&jfif(0, 1)), None);
        assert_eq!(stated_dpi(&jfif(1, 72)), None);

        // Little-endian EXIF: one IFD with XResolution 600/2 and ResolutionUnit inch.
        let mut tiff = b"II\x2a\x00\x08\x00\x00\x00".to_vec();
        tiff.extend(2u16.to_le_bytes());
        tiff.extend([0x1A, 0x01, 5, 0, 1, 0, 0, 0]);
        tiff.extend(38u32.to_le_bytes());
        tiff.extend([0x28, 0x01, 3, 0, 1, 0, 0, 0, 2, 0, 0, 0]);
        tiff.extend(0u32.to_le_bytes());
        tiff.extend(600u32.to_le_bytes());
        tiff.extend(2u32.to_le_bytes());
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE1];
        b.extend(((tiff.len() + 8) as u16).to_be_bytes());
        b.extend(b"Exif\0\0");
        b.extend(&tiff);
        b.extend([0xFF, 0xDA]);
        assert_eq!(stated_dpi(&b), Some(300));
    }

    #[test]
    fn other_bytes_state_nothing() {
        assert_eq!(stated_dpi(b"GIF89a"), None);
        assert_eq!(stated_dpi(&[0xFF, 0xD8, 0xFF]), None);
    }
}
