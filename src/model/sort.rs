//! One stable sort for the whole page: every `sort_by` instance of
//! `core::slice::sort` costs the page wasm a few KB, so the model and the
//! page sort through [`by`], which sorts `u32` indices with one comparator
//! behind `&dyn` (a single instance) and then moves the items into place.
//! O(n log n) comparisons, O(n) extra memory; at most 2³² items.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`, as `v.sort_by(cmp)` would.
pub fn by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let mut idx: Vec<u32> = (0..v.len() as u32).collect();
    sort_indices(&mut idx, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    let mut old: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        idx.into_iter()
            .map(|i| old[i as usize].take().expect("each index once")),
    );
}

/// Sort `v` stably by the key `f` gives, as `v.sort_by_key(f)` would.
pub fn by_key<T, K: Ord>(v: &mut Vec<T>, f: impl Fn(&T) -> K) {
    by(v, |a, b| f(a).cmp(&f(b)));
}

#[inline(never)]
fn sort_indices(idx: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    idx.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_stably_as_the_standard_sort() {
        let mut a: Vec<(u8, usize)> = (0..200).map(|i| ((i * 37 % 11) as u8, i)).collect();
        let mut b = a.clone();
        super::by_key(&mut a, |x| x.0);
        b.sort_by_key(|x| x.0);
        assert_eq!(a, b);
        let mut empty: Vec<u8> = Vec::new();
        super::by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
