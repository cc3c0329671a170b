//! Mean and 90th percentile of working days late.

/// Mean of the samples (None without any).
pub fn mean(v: &[i64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<i64>() as f64 / v.len() as f64)
}

/// The 90th percentile by the nearest-rank method: the smallest sample at or above 90 %
/// of them (None without any). Sorts `v`.
pub fn p90(v: &mut [i64]) -> Option<i64> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let rank = (v.len() * 9).div_ceil(10).max(1);
    v.get(rank - 1).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank() {
        assert_eq!(p90(&mut []), None);
        assert_eq!(p90(&mut [4]), Some(4));
        assert_eq!(p90(&mut [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), Some(9));
        assert_eq!(p90(&mut [10, 1, 3]), Some(10));
        assert_eq!(mean(&[1, 2, 6]), Some(3.0));
    }
}
