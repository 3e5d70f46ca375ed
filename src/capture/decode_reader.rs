//! rxing's QR reader (its `QrReader`, a port of zxing-cpp's: finder
//! patterns, sets of three, sample, decode), QR codes only, with the
//! finder-pattern row scan done a 64-pixel word at a time. rxing's scan
//! walks each scanned row (every third one) bit by bit; here the run
//! lengths come from the transitions in each word, then rxing's own
//! pattern tests run on them. Same runs, same patterns, same results.

use rxing::Point;
use rxing::common::BitMatrix;
use rxing::common::DetectorRXingResult;
use rxing::common::cpp_essentials::{
    ConcentricPattern, FindLeftGuardBy, FixedPattern, IsPattern, LocateConcentricPattern,
    PatternType, PatternView,
};
use rxing::qrcode::cpp_port::decoder::Decode;
use rxing::qrcode::cpp_port::detector::{GenerateFinderPatternSets, SampleQR};

/// A finder pattern across: dark, light, dark x3, light, dark.
const FINDER: FixedPattern<5, 7, false> = FixedPattern::new([1, 1, 3, 1, 1]);
/// Every third row is scanned (rxing's "try harder": 1 px modules).
const ROW_SKIP: u32 = 3;

/// Every QR code's text in a black-and-white picture, in rxing's order.
/// `rows` holds the same bits as `image`, `image.getWidth().div_ceil(64)`
/// words a row (least significant bit first); rows it lacks count as white.
pub fn read_qr(image: &BitMatrix, rows: &[u64]) -> Vec<String> {
    let mut finders = finder_patterns(image, rows);
    let mut used: Vec<ConcentricPattern> = Vec::new();
    let mut texts = Vec::new();
    for set in GenerateFinderPatternSets(&mut finders) {
        if used.contains(&set.bl) || used.contains(&set.tl) || used.contains(&set.tr) {
            continue;
        }
        let Ok(sampled) = SampleQR(image, &set) else {
            continue;
        };
        if let Ok(decoded) = Decode(sampled.getBits())
            && decoded.isValid()
        {
            used.extend([set.bl, set.tl, set.tr]);
            texts.push(decoded.text());
        }
    }
    texts
}

/// rxing's `FindFinderPatterns` with "try harder" and no minimum module
/// size, over run lengths from [`runs_of_row`].
fn finder_patterns(image: &BitMatrix, rows: &[u64]) -> Vec<ConcentricPattern> {
    finder_patterns_by(image, rows, plausible_from)
}

/// [`finder_patterns`], with `skip` moving each search on to where it
/// starts (tests compare [`plausible_from`] with not skipping at all).
fn finder_patterns_by(
    image: &BitMatrix,
    rows: &[u64],
    skip: for<'a> fn(&[PatternType], PatternView<'a>) -> Option<PatternView<'a>>,
) -> Vec<ConcentricPattern> {
    let mut found: Vec<ConcentricPattern> = Vec::new();
    let mut runs = Vec::new();
    let width = image.getWidth() as usize;
    let words = width.div_ceil(64);
    let mut y = ROW_SKIP - 1;
    while y < image.getHeight() {
        let row = rows.get(y as usize * words..).unwrap_or_default();
        runs_of_row(&row[..words.min(row.len())], width, &mut runs);
        let mut next = PatternView::from_slice(&runs);
        while let Some(view) = skip(&runs, next)
            .and_then(find_finder)
            .filter(PatternView::isValid)
        {
            next = view;
            let p = Point::new(
                f32::from(next.pixelsInFront())
                    + f32::from(next[0_usize])
                    + f32::from(next[1_usize])
                    + f32::from(next[2_usize]) / 2.0,
                y as f32 + 0.5,
            );
            // Not inside a pattern already found.
            if !found
                .iter()
                .any(|old| Point::distance(p, old.p) < old.size as f32 / 2.0)
            {
                // 3x the pattern's width: room for very skewed samples.
                let range = i32::from(next.iter().sum::<PatternType>()) * 3;
                if let Some(pattern) =
                    LocateConcentricPattern::<true, 5, 7>(image, &FINDER.into(), p, range)
                {
                    found.push(pattern);
                }
            }
            next.skipPair();
            next.skipPair();
            next.extend();
        }
        y += ROW_SKIP;
    }
    found
}

/// `view` moved on to the first window of five runs from its own on that
/// passes [`plausible`], the quick check [`find_finder`] starts with
/// (rxing's windows start on a dark run: runs 1, 3, 5... of the row), or
/// `None` when no window left does. rxing's search would turn down every window skipped, but
/// walks them through calls the compiler cannot inline (most of a row scan
/// on a screen of text, callgrind); from the window found on it is
/// rxing's search as before.
fn plausible_from<'a>(runs: &[PatternType], view: PatternView<'a>) -> Option<PatternView<'a>> {
    let from = view.index();
    let skip = runs
        .get(1 + from..)?
        .windows(5)
        .step_by(2)
        .position(|w| plausible(w[0], w[1], w[2], w[3], w[4]))?;
    let mut view = view;
    if skip > 0 {
        view.shift(2 * skip);
        view.extend();
    }
    Some(view)
}

/// rxing's finder test on a window of runs: a quick ratio check, then its
/// 1:1:3:1:1 match within 10 %.
fn find_finder(view: PatternView<'_>) -> Option<PatternView<'_>> {
    FindLeftGuardBy::<5, _>(view, 5, |w: &PatternView, space: Option<f32>| {
        plausible(w[0_usize], w[1_usize], w[2_usize], w[3_usize], w[4_usize])
            && IsPattern::<true, 5, 7, false>(w, &FINDER, space, 0.1, 0.0, 0.0) != 0.0
    })
    .ok()
}

/// rxing's quick ratio check of five runs across a finder pattern: a
/// centre of at least 3 px, twice the outer runs and at least the inner ones.
fn plausible(
    a: PatternType,
    b: PatternType,
    c: PatternType,
    d: PatternType,
    e: PatternType,
) -> bool {
    c >= 3 && c >= 2 * a.max(e) && c >= b.max(d)
}

/// The run lengths of one row of `width` pixels packed 64 to a word
/// (least significant bit first, set = black), as rxing lays them out: a
/// light run first (0 when the row starts dark), then alternating, and a
/// closing 0 when the row ends dark.
fn runs_of_row(words: &[u64], width: usize, runs: &mut Vec<PatternType>) {
    runs.clear();
    let (mut start, mut previous) = (0usize, 0u64);
    for (i, &word) in words.iter().enumerate() {
        // A set bit where a pixel differs from the one before it.
        let mut changes = word ^ ((word << 1) | previous);
        previous = word >> (u64::BITS - 1);
        while changes != 0 {
            let x = i * u64::BITS as usize + changes.trailing_zeros() as usize;
            if x >= width {
                break;
            }
            runs.push((x - start) as PatternType);
            start = x;
            changes &= changes - 1;
        }
    }
    runs.push((width - start) as PatternType);
    // Runs alternate light, dark, ...: an even count ends on a dark run.
    if runs.len().is_multiple_of(2) {
        runs.push(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rxing's own run lengths (its `GetPatternRowFromBits`, bit by bit).
    fn runs_bit_by_bit(bits: &[bool]) -> Vec<PatternType> {
        let mut runs = Vec::new();
        let (mut dark, mut count) = (false, 0);
        for &b in bits {
            if b != dark {
                runs.push(count);
                count = 0;
                dark = b;
            }
            count += 1;
        }
        if count != 0 {
            runs.push(count);
        }
        if dark {
            runs.push(0);
        }
        runs
    }

    #[test]
    fn skipping_implausible_windows_finds_the_same_patterns() {
        // Screens with text, two codes, a photo, and a code of 1 px modules
        // beside one of 2 (finder centres of 3 and 6 px, the narrowest the
        // quick check lets through): every finder pattern, in the same
        // order, with and without the quick skip.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let code = qrcode::QrCode::new(b"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP").unwrap();
        let (side, colors) = (code.width() as u32, code.to_colors());
        let fine = image::GrayImage::from_fn(3 * side + 24, 2 * side + 16, |x, y| {
            let (cx, m) = if x < side + 8 {
                (x, 1)
            } else {
                (x - side - 8, 2)
            };
            let (x, y) = (cx.wrapping_sub(4 * m) / m, y.wrapping_sub(4 * m) / m);
            let dark =
                x < side && y < side && colors[(y * side + x) as usize] == qrcode::Color::Dark;
            image::Luma([if dark { 0 } else { 255 }])
        });
        let mut seen = 0;
        for name in [
            "screen_none_1080p.png",
            "screen_two_qrs.png",
            "webcam_photo.png",
            "fine",
        ] {
            let img = match name {
                "fine" => fine.clone(),
                _ => image::open(dir.join(name)).unwrap().to_luma8(),
            };
            let (w, h) = (img.width() as usize, img.height() as usize);
            let (matrix, rows) =
                crate::capture::binarize::hybrid_matrix(img.as_raw(), w, h).unwrap();
            let quick = finder_patterns(&matrix, &rows);
            let every = finder_patterns_by(&matrix, &rows, |_, view| Some(view));
            assert!(quick == every, "{name}");
            seen += every.len();
        }
        assert!(
            seen >= 12,
            "four codes' finder patterns at least, saw {seen}"
        );
    }

    #[test]
    fn runs_match_rxing_bit_by_bit() {
        let mut seed = 0x9e37_79b9_u64;
        for width in [1_usize, 2, 63, 64, 65, 127, 128, 129, 300] {
            for density in [1, 2, 8, 64] {
                let bits: Vec<bool> = (0..width)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        (seed >> 33).is_multiple_of(density)
                    })
                    .collect();
                let bits_per_word = u64::BITS as usize;
                let mut words = vec![0u64; width.div_ceil(bits_per_word)];
                for (x, _) in bits.iter().enumerate().filter(|(_, b)| **b) {
                    words[x / bits_per_word] |= 1 << (x % bits_per_word);
                }
                let mut runs = Vec::new();
                runs_of_row(&words, width, &mut runs);
                assert_eq!(
                    runs,
                    runs_bit_by_bit(&bits),
                    "width {width}, 1 in {density}"
                );
            }
        }
    }
}
