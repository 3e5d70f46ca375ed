//! Black and white for the QR reader, fast: the same local-average
//! thresholds as rxing's `HybridBinarizer` (zxing's: the mean of each 8x8
//! block, or half its minimum when the block is flat, averaged over 5x5
//! blocks), bit for bit, computed a row of blocks at a time over whole rows
//! so the compiler vectorises it, and packed 64 pixels to a word. rxing's
//! own does it pixel by pixel and was most of our decode time (83 % of the
//! instructions on a 4K screen, callgrind).

use super::decode::{TWO_CORE_MIN_PIXELS, two_cores};
use multiversion::multiversion;
use rxing::common::{BitArray, BitMatrix};

const BLOCK: usize = 8;
/// Below this spread of gray levels a block counts as flat.
const MIN_DYNAMIC_RANGE: u8 = 24;

/// The black pixels of a `width` x `height` gray picture (`lum`, rows
/// without padding), as rxing's `HybridBinarizer` would find them: rxing's
/// matrix, and the same bits as rows of `width.div_ceil(64)` words (least
/// significant bit first) for our own row scans. `None` for pictures
/// under 5 blocks a side (rxing uses a global histogram there).
pub fn hybrid_matrix(lum: &[u8], width: usize, height: usize) -> Option<(BitMatrix, Vec<u64>)> {
    let large = (width as u64).saturating_mul(height as u64) >= TWO_CORE_MIN_PIXELS;
    hybrid_matrix_on(lum, width, height, large && two_cores())
}

/// [`hybrid_matrix`], the lower half of the block rows on a second thread
/// when `two` (only the flat blocks' rule, which takes the block above's
/// point, runs over the whole picture on one).
fn hybrid_matrix_on(
    lum: &[u8],
    width: usize,
    height: usize,
    two: bool,
) -> Option<(BitMatrix, Vec<u64>)> {
    // rxing's rows are words of usize: 64 bits here (x86_64, aarch64).
    if usize::BITS != 64 || width < 5 * BLOCK || height < 5 * BLOCK || lum.len() < width * height {
        return None;
    }
    let (bw, bh) = (width.div_ceil(BLOCK), height.div_ceil(BLOCK));
    let picture = Picture {
        lum,
        width,
        height,
        bw,
        bh,
    };
    // The second band starts at a block row that does not overlap the
    // last one (bh >= 5).
    let mid = if two { bh / 2 } else { bh };
    let mut points = vec![0u32; bw * bh];
    let (upper, lower) = points.split_at_mut(mid * bw);
    let mut bits = Vec::with_capacity(width.div_ceil(64) * height);
    if two {
        let ok = std::thread::scope(|s| {
            let second = s.spawn(|| block_points(&picture, mid, lower));
            block_points(&picture, 0, upper);
            second.join().is_ok()
        });
        if !ok {
            return None;
        }
        resolve_flat(&mut points, bw);
        let lower = std::thread::scope(|s| {
            let second = s.spawn(|| {
                let mut part = Vec::new();
                pack_rows(&picture, &points, mid..bh, &mut part);
                part
            });
            pack_rows(&picture, &points, 0..mid, &mut bits);
            second.join()
        })
        .ok()?;
        bits.extend_from_slice(&lower);
    } else {
        block_points(&picture, 0, upper);
        resolve_flat(&mut points, bw);
        pack_rows(&picture, &points, 0..bh, &mut bits);
    }
    let words = width.div_ceil(64);
    let mut matrix = BitMatrix::new(width as u32, height as u32).ok()?;
    let mut row = BitArray::with_size(width);
    for (y, words) in bits.chunks_exact(words).enumerate() {
        for (i, &w) in words.iter().enumerate() {
            row.setBulk(i * 64, w as usize);
        }
        matrix.setRow(y as u32, &row);
    }
    Some((matrix, bits))
}

/// A gray picture (rows without padding) and its size in 8x8 blocks.
#[derive(Clone, Copy)]
struct Picture<'a> {
    lum: &'a [u8],
    width: usize,
    height: usize,
    bw: usize,
    bh: usize,
}

/// Append the black pixels of the rows of block rows `blocks` of
/// `picture` to `bits` (`width.div_ceil(64)` words a row), thresholds from
/// the resolved black `points`. AVX2 code where the CPU has it
/// (multiversion copies the function, and picks once at run time; it takes
/// no `self`, hence a free function).
#[multiversion(targets("x86_64+avx2"))]
fn pack_rows(
    picture: &Picture<'_>,
    points: &[u32],
    blocks: std::ops::Range<usize>,
    bits: &mut Vec<u64>,
) {
    let Picture {
        lum,
        width,
        height,
        bw,
        bh,
    } = *picture;
    let words = width.div_ceil(64);
    let first_row = blocks.start * BLOCK;
    // Appended row by row, never zeroed as a whole (callgrind counts
    // every byte a large memset writes).
    bits.reserve(words * (blocks.len() * BLOCK).min(height - first_row));
    let mut packed = vec![0u64; words];
    let mut thresholds = vec![0u8; width];
    let mut black = vec![0u8; width];
    let mut columns = vec![0u32; bw];
    for by in blocks {
        // Each block's threshold is the mean of the 5x5 black points
        // around it (clamped at the edges): first the sums down each
        // column of blocks, then along the row.
        let top = by.clamp(2, bh - 3);
        columns.fill(0);
        for row in points[(top - 2) * bw..(top + 3) * bw].chunks_exact(bw) {
            for (c, &p) in columns.iter_mut().zip(row) {
                // At most 5 x 255: no wrap.
                *c = c.wrapping_add(p);
            }
        }
        for bx in 0..bw {
            let left = bx.clamp(2, bw - 3);
            let sum: u32 = columns[left - 2..left + 3].iter().sum();
            let t = (sum / 25) as u8;
            // Where the last block overlaps its neighbour (sizes not a
            // multiple of 8), rxing counts a pixel black under either
            // block's threshold; both are the same one (their 5x5
            // windows are clamped alike), so the last block just takes it.
            let x0 = (bx * BLOCK).min(width - BLOCK);
            thresholds[x0..x0 + BLOCK].fill(t);
        }
        // The last block row overlaps the one above in the same way,
        // with the same thresholds: the rows done already stay as they are.
        let y0 = (by * BLOCK).min(height - BLOCK);
        for y in first_row + bits.len() / words..y0 + BLOCK {
            pack_black(
                &lum[y * width..(y + 1) * width],
                &thresholds,
                &mut black,
                &mut packed,
            );
            bits.extend_from_slice(&packed);
        }
    }
}

/// One bit per pixel into `out` (least significant first, every word
/// written): set where the pixel is at most its threshold. `black` is
/// scratch space of the row's length.
#[inline(always)]
fn pack_black(row: &[u8], thresholds: &[u8], black: &mut [u8], out: &mut [u64]) {
    // One byte (0 or 1) per pixel over the whole row, compared in vectors...
    for ((b, &l), &t) in black.iter_mut().zip(row).zip(thresholds) {
        *b = u8::from(l <= t);
    }
    // ...then 8 bytes to 8 bits with one multiplication: byte k lands on
    // bit 56 + k of the product. Done as a second pass over the row: read
    // back right after a 64-byte block was written, the bytes waited on
    // store forwarding (a fifth of a 1080p scan's cycles, perf).
    let mut blocks = black[..row.len()].chunks_exact(64);
    for (block, word) in (&mut blocks).zip(out.iter_mut()) {
        let mut w = 0u64;
        for (i, eight) in block.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes([
                eight[0], eight[1], eight[2], eight[3], eight[4], eight[5], eight[6], eight[7],
            ]);
            w |= (x.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * i);
        }
        *word = w;
    }
    if let Some(word) = out.get_mut(row.len() / 64) {
        *word = 0;
        for (i, &b) in blocks.remainder().iter().enumerate() {
            *word |= u64::from(b) << i;
        }
    }
}

/// The black points of `picture`'s block rows from `first` on, into
/// `points` (`bw` a row): each 8x8 block's mean, or for a flat block
/// `FLAT | its minimum`, for [`resolve_flat`]. AVX2 code where the CPU
/// has it, as [`pack_rows`].
#[multiversion(targets("x86_64+avx2"))]
fn block_points(picture: &Picture<'_>, first: usize, points: &mut [u32]) {
    let Picture {
        lum,
        width,
        height,
        bw,
        ..
    } = *picture;
    let (mut sum, mut lo, mut hi) = (vec![0u16; width], vec![0u8; width], vec![0u8; width]);
    for (i, out) in points.chunks_exact_mut(bw).enumerate() {
        let by = first + i;
        // Column sums, minima and maxima over the block row's 8 rows.
        let y0 = (by * BLOCK).min(height - BLOCK);
        // The first two rows set the columns (no fill first: callgrind
        // counts every byte a memset writes), then three simple passes
        // per row, each one vectorised. The sums need wrapping_add:
        // 8 x 255 fits 16 bits, but an overflow-checked add (our
        // release profile checks) is not vectorised (75 % of this
        // function's instructions).
        let mut rows = lum[y0 * width..(y0 + BLOCK) * width].chunks_exact(width);
        if let (Some(a), Some(b)) = (rows.next(), rows.next()) {
            for (s, (&a, &b)) in sum.iter_mut().zip(a.iter().zip(b)) {
                *s = u16::from(a).wrapping_add(u16::from(b));
            }
            for (l, (&a, &b)) in lo.iter_mut().zip(a.iter().zip(b)) {
                *l = a.min(b);
            }
            for (h, (&a, &b)) in hi.iter_mut().zip(a.iter().zip(b)) {
                *h = a.max(b);
            }
        }
        for row in rows {
            for (s, &p) in sum.iter_mut().zip(row) {
                *s = s.wrapping_add(u16::from(p));
            }
            for (l, &p) in lo.iter_mut().zip(row) {
                *l = (*l).min(p);
            }
            for (h, &p) in hi.iter_mut().zip(row) {
                *h = (*h).max(p);
            }
        }
        for (bx, point) in out.iter_mut().enumerate() {
            let x0 = (bx * BLOCK).min(width - BLOCK);
            let total: u32 = sum[x0..x0 + BLOCK].iter().map(|&s| u32::from(s)).sum();
            let min = *lo[x0..x0 + BLOCK].iter().min().unwrap_or(&0);
            let max = *hi[x0..x0 + BLOCK].iter().max().unwrap_or(&0);
            *point = if max - min <= MIN_DYNAMIC_RANGE {
                FLAT | u32::from(min)
            } else {
                total >> 6
            };
        }
    }
}

/// Marks a flat block's entry in [`block_points`] (above any mean).
const FLAT: u32 = 1 << 31;

/// zxing's rule for flat blocks, in reading order (it takes the resolved
/// points above and to the left): half the block's minimum, raised to its
/// neighbours' when they are darker.
fn resolve_flat(points: &mut [u32], bw: usize) {
    // Block row by block row, each against the resolved one above: no
    // division or bounds check per block (a screen is mostly flat blocks).
    let Some((first, _)) = points.split_at_mut_checked(bw) else {
        return;
    };
    for p in first.iter_mut().filter(|p| **p & FLAT != 0) {
        *p = (*p & !FLAT) / 2;
    }
    for by in 1..points.len() / bw {
        let (done, rest) = points.split_at_mut(by * bw);
        let (above, row) = (&done[(by - 1) * bw..], &mut rest[..bw]);
        if row[0] & FLAT != 0 {
            row[0] = (row[0] & !FLAT) / 2;
        }
        let mut left = row[0];
        for (p, corner) in row[1..].iter_mut().zip(above.windows(2)) {
            if *p & FLAT != 0 {
                let min = *p & !FLAT;
                // Resolved points are at most 255: no wrap.
                let neighbours = corner[1]
                    .wrapping_add(left.wrapping_mul(2))
                    .wrapping_add(corner[0])
                    / 4;
                *p = if min < neighbours {
                    neighbours
                } else {
                    min / 2
                };
            }
            left = *p;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rxing::common::HybridBinarizer;
    use rxing::{Binarizer, Luma8LuminanceSource};

    /// rxing's own matrix for the same picture.
    fn rxing_matrix(img: &image::GrayImage) -> BitMatrix {
        let (w, h) = img.dimensions();
        let source = Luma8LuminanceSource::new(img.as_raw().clone(), w, h).unwrap();
        HybridBinarizer::new(source)
            .get_black_matrix()
            .unwrap()
            .clone()
    }

    #[test]
    fn the_same_bits_as_rxing_at_every_size() {
        let mut seed = 0x1234_5678_u64;
        // Sizes that are and are not multiples of 8 and of 64; flat areas,
        // dark stripes and noise (flat blocks take their neighbours' point).
        for (w, h) in [
            (40, 40),
            (41, 47),
            (64, 64),
            (65, 129),
            (333, 257),
            (1283, 722),
        ] {
            let img = image::GrayImage::from_fn(w, h, |x, y| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let noise = (seed >> 59) as u8;
                image::Luma([match (x / 9 + y / 13) % 4 {
                    0 => noise * 3,
                    1 => 200,
                    2 => 128 + noise,
                    _ => 40,
                }])
            });
            let (w, h) = (w as usize, h as usize);
            let (ours, words) = hybrid_matrix_on(img.as_raw(), w, h, false).expect("large enough");
            let theirs = rxing_matrix(&img);
            assert!(ours == theirs, "{w}x{h}");
            let two = hybrid_matrix_on(img.as_raw(), w, h, true).expect("large enough");
            assert!(two.0 == theirs, "{w}x{h} on two cores");
            assert_eq!(two.1, words, "{w}x{h} on two cores");
            for (y, row) in words.chunks_exact(w.div_ceil(64)).enumerate() {
                let bits = theirs.getRow(y as u32);
                let theirs: Vec<u64> = bits.getBitArray().iter().map(|&b| b as u64).collect();
                assert_eq!(row, &theirs[..], "{w}x{h} row {y}");
            }
        }
    }

    #[test]
    fn the_same_bits_as_rxing_where_thresholds_fall_row_by_row() {
        // Darker further down, so each block row's thresholds are lower
        // than the one above: no block may keep the previous block row's
        // higher threshold where it overlaps its neighbour.
        let mut seed = 0x0bad_5eed_u64;
        for (w, h) in [(45, 61), (203, 97)] {
            let img = image::GrayImage::from_fn(w, h, |_, y| {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let fall = (y * 200 / h) as u8;
                image::Luma([250 - fall - (seed >> 59) as u8])
            });
            for two in [false, true] {
                let (ours, _) =
                    hybrid_matrix_on(img.as_raw(), w as usize, h as usize, two).unwrap();
                assert!(ours == rxing_matrix(&img), "{w}x{h}, two cores: {two}");
            }
        }
    }

    /// zxing's flat-block rule as written there, a block at a time.
    fn resolve_flat_as_zxing(points: &mut [u32], bw: usize) {
        for i in 0..points.len() {
            let p = points[i];
            if p & FLAT == 0 {
                continue;
            }
            let min = p & !FLAT;
            let (by, bx) = (i / bw, i % bw);
            let mut average = min / 2;
            if by > 0 && bx > 0 {
                let neighbours = (points[i - bw] + 2 * points[i - 1] + points[i - bw - 1]) / 4;
                if min < neighbours {
                    average = neighbours;
                }
            }
            points[i] = average;
        }
    }

    #[test]
    fn flat_blocks_take_zxings_points() {
        // The binarizer tests above barely see this rule (a flat block's
        // point is under its own pixels): compared here point by point.
        let mut seed = 0x5eed_f1a7_u64;
        for (bw, bh) in [(1, 1), (1, 7), (7, 1), (5, 5), (13, 9), (240, 135)] {
            for flat_in in [1, 2, 5] {
                let points: Vec<u32> = (0..bw * bh)
                    .map(|_| {
                        seed = seed
                            .wrapping_mul(6_364_136_223_846_793_005)
                            .wrapping_add(1_442_695_040_888_963_407);
                        let value = (seed >> 56) as u32;
                        if (seed >> 33).is_multiple_of(flat_in) {
                            FLAT | value
                        } else {
                            value
                        }
                    })
                    .collect();
                let (mut ours, mut theirs) = (points.clone(), points);
                resolve_flat(&mut ours, bw);
                resolve_flat_as_zxing(&mut theirs, bw);
                assert_eq!(ours, theirs, "{bw}x{bh} blocks, 1 in {flat_in} flat");
            }
        }
    }

    #[test]
    fn small_pictures_are_left_to_rxing() {
        assert!(hybrid_matrix(&[0; 39 * 100], 39, 100).is_none());
        assert!(hybrid_matrix(&[0; 100 * 39], 100, 39).is_none());
        assert!(hybrid_matrix(&[0; 10], 40, 40).is_none(), "short data");
    }
}
