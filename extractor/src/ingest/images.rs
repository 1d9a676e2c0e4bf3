//! Image inputs (PNG, JPEG, TIFF with any number of pages) decoded to grey pages at their native
//! pixel size, refusing decompression bombs by their header before any pixel is decoded. The
//! page size in points comes from the resolution the file states (TIFF tags, PNG `pHYs`, JPEG
//! JFIF or EXIF), else from a letter-sized guess; pixels are never resampled either way.

use crate::ExtractError;
use crate::model::MediaKind;
use image::{GrayImage, ImageReader, Limits};
use std::io::Cursor;
use tiff::decoder::{Decoder, DecodingResult};
use tiff::tags::Tag;

/// No image page may hold more pixels than this (an A0 poster at 300 dpi has ~140 million).
pub const MAX_PIXELS: u64 = 150_000_000;
/// Resolution assumed when a file states none or states the meaningless 72 dpi.
fn assumed_dpi(width: u32, height: u32) -> u32 {
    // A scanned page is usually letter or A4: about 11 inches on its long side.
    (width.max(height) / 11).clamp(100, 600)
}

/// One decoded page of an image file.
pub struct ImagePage {
    pub image: GrayImage,
    pub dpi: u32,
}

impl ImagePage {
    /// Page size in points at the page's resolution.
    pub fn size_pt(&self) -> (f32, f32) {
        let scale = 72.0 / self.dpi as f32;
        (
            self.image.width() as f32 * scale,
            self.image.height() as f32 * scale,
        )
    }
}

fn check_size(width: u32, height: u32) -> Result<(), ExtractError> {
    let pixels = u64::from(width) * u64::from(height);
    if pixels > MAX_PIXELS {
        return Err(ExtractError::ImageTooLarge {
            width: width.into(),
            height: height.into(),
            limit: MAX_PIXELS,
        });
    }
    if pixels == 0 {
        return Err(ExtractError::Corrupt("the image has no pixels".into()));
    }
    Ok(())
}

/// Decodes every page of an image file (several for a multi-page TIFF).
pub fn decode_pages(bytes: &[u8], kind: MediaKind) -> Result<Vec<ImagePage>, ExtractError> {
    match kind {
        MediaKind::Tiff => decode_tiff(bytes),
        _ => Ok(vec![decode_single(bytes)?]),
    }
}

fn decode_single(bytes: &[u8]) -> Result<ImagePage, ExtractError> {
    let corrupt = |e: image::ImageError| ExtractError::Corrupt(format!("image: {e}"));
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ExtractError::Corrupt(format!("image: {e}")))?;
    let (width, height) = reader.into_dimensions().map_err(corrupt)?;
    check_size(width, height)?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| ExtractError::Corrupt(format!("image: {e}")))?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(width);
    limits.max_image_height = Some(height);
    limits.max_alloc = Some(MAX_PIXELS * 4);
    reader.limits(limits);
    // A grey file decodes straight to the grey page; only colour is converted.
    let image = match reader.decode().map_err(corrupt)? {
        image::DynamicImage::ImageLuma8(grey) => grey,
        other => other.into_luma8(),
    };
    let dpi = super::image_dpi::stated_dpi(bytes).unwrap_or_else(|| assumed_dpi(width, height));
    Ok(ImagePage { image, dpi })
}

fn decode_tiff(bytes: &[u8]) -> Result<Vec<ImagePage>, ExtractError> {
    let corrupt = |e: tiff::TiffError| ExtractError::Corrupt(format!("TIFF: {e}"));
    let mut decoder = Decoder::new(Cursor::new(bytes)).map_err(corrupt)?;
    let mut limits = tiff::decoder::Limits::default();
    limits.decoding_buffer_size = (MAX_PIXELS * 4) as usize;
    decoder = decoder.with_limits(limits);
    let mut pages = Vec::new();
    loop {
        let (width, height) = decoder.dimensions().map_err(corrupt)?;
        check_size(width, height)?;
        let color = decoder.colortype().map_err(corrupt)?;
        let white_is_zero = decoder
            .find_tag_unsigned::<u16>(Tag::PhotometricInterpretation)
            .ok()
            .flatten()
            == Some(0);
        let dpi = tiff_dpi(&mut decoder).unwrap_or_else(|| assumed_dpi(width, height));
        let data = decoder.read_image().map_err(corrupt)?;
        let image = to_gray(data, color, width, height, white_is_zero)?;
        pages.push(ImagePage { image, dpi });
        if !decoder.more_images() {
            break;
        }
        decoder.next_image().map_err(corrupt)?;
    }
    Ok(pages)
}

/// The X resolution tag in dots per inch, if stated and meaningful (not the default 72).
fn tiff_dpi<R: std::io::Read + std::io::Seek>(decoder: &mut Decoder<R>) -> Option<u32> {
    let value = decoder.get_tag_f32(Tag::XResolution).ok()?;
    let per_cm = decoder
        .find_tag_unsigned::<u16>(Tag::ResolutionUnit)
        .ok()
        .flatten()
        == Some(3);
    let dpi = if per_cm { value * 2.54 } else { value };
    (dpi.is_finite() && dpi > 72.5 && dpi <= 2400.0).then_some(dpi.round() as u32)
}

fn to_gray(
    data: DecodingResult,
    color: tiff::ColorType,
    width: u32,
    height: u32,
    white_is_zero: bool,
) -> Result<GrayImage, ExtractError> {
    use tiff::ColorType::*;
    let pixels = (width * height) as usize;
    let unsupported =
        || ExtractError::Corrupt(format!("TIFF colour type {color:?} is not supported"));
    let samples: Vec<u8> = match data {
        DecodingResult::U8(v) => v,
        DecodingResult::U16(v) => v.into_iter().map(|s| (s >> 8) as u8).collect(),
        _ => return Err(unsupported()),
    };
    let mut grey: Vec<u8> = match color {
        Gray(1) => {
            let row = width.div_ceil(8) as usize;
            if samples.len() < row * height as usize {
                return Err(ExtractError::Corrupt("TIFF: short bilevel image".into()));
            }
            (0..pixels)
                .map(|i| {
                    let (x, y) = (i % width as usize, i / width as usize);
                    let bit = samples[y * row + x / 8] >> (7 - x % 8) & 1;
                    if bit == 1 { 255 } else { 0 }
                })
                .collect()
        }
        Gray(_) => samples,
        GrayA(_) => samples.chunks_exact(2).map(|p| p[0]).collect(),
        RGB(_) | RGBA(_) => {
            let n = if matches!(color, RGB(_)) { 3 } else { 4 };
            samples
                .chunks_exact(n)
                .map(|p| {
                    let l =
                        0.299 * f32::from(p[0]) + 0.587 * f32::from(p[1]) + 0.114 * f32::from(p[2]);
                    l.round() as u8
                })
                .collect()
        }
        CMYK(_) => samples
            .chunks_exact(4)
            .map(|p| 255 - p[0].max(p[1]).max(p[2]).saturating_add(p[3]))
            .collect(),
        _ => return Err(unsupported()),
    };
    if grey.len() != pixels {
        return Err(ExtractError::Corrupt(
            "TIFF: pixel data does not fill the image".into(),
        ));
    }
    if white_is_zero {
        grey.iter_mut().for_each(|p| *p = 255 - *p);
    }
    GrayImage::from_raw(width, height, grey)
        .ok_or_else(|| ExtractError::Corrupt("TIFF: bad pixel buffer".into()))
}
