//! [`ChangeLog`]: a session's revision number, which annotation each recent
//! change touched, and the revision last exported.

use super::AnnotationId;
use std::collections::{HashSet, VecDeque};

/// Changes remembered for [`ChangeLog::touched_since`].
pub const LOG_LEN: usize = 1024;

/// Invariant: `touched[i]` is the id changed by revision
/// `revision - touched.len() + 1 + i`, and `touched.len() <= LOG_LEN`.
#[derive(Clone, Debug)]
pub struct ChangeLog {
    revision: u64,
    touched: VecDeque<AnnotationId>,
    /// Everything up to this revision is exported; `None`: not even that.
    exported_at: Option<u64>,
}

impl ChangeLog {
    /// Revision 0, nothing unexported.
    pub fn new() -> Self {
        Self {
            revision: 0,
            touched: VecDeque::new(),
            exported_at: Some(0),
        }
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// A new revision that touched `id`. O(1).
    pub fn record(&mut self, id: AnnotationId) {
        self.revision += 1;
        if self.touched.len() == LOG_LEN {
            self.touched.pop_front();
        }
        self.touched.push_back(id);
    }

    /// The ids touched after `revision`, deduplicated, in order of first
    /// touch; `None` when `revision` is in the future or older than the log.
    /// O(k) for k changes since `revision`.
    pub fn touched_since(&self, revision: u64) -> Option<Vec<AnnotationId>> {
        let n = usize::try_from(self.revision.checked_sub(revision)?).ok()?;
        let skip = self.touched.len().checked_sub(n)?;
        let mut seen = HashSet::with_capacity(n);
        Some(
            self.touched
                .iter()
                .skip(skip)
                .filter(|id| seen.insert(id.as_str()))
                .cloned()
                .collect(),
        )
    }

    pub fn has_unexported(&self) -> bool {
        self.exported_at != Some(self.revision)
    }

    pub fn set_unexported(&mut self, unexported: bool) {
        self.exported_at = (!unexported).then_some(self.revision);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_forgets_the_oldest_change() {
        let mut log = ChangeLog::new();
        for i in 0..=LOG_LEN {
            log.record(format!("a{}", i % 3).into());
        }
        let n = u64::try_from(LOG_LEN).unwrap();
        assert_eq!(log.revision(), n + 1);
        assert_eq!(log.touched_since(0), None, "one change too far back");
        let all = log.touched_since(1).unwrap();
        assert_eq!(all, ["a1", "a2", "a0"].map(AnnotationId::from));
        assert_eq!(log.touched_since(n + 1), Some(Vec::new()));
        assert_eq!(log.touched_since(n + 2), None, "the future");
    }
}
