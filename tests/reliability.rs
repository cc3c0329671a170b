//! Nothing lost, nothing injected: the shared file under hostile input, concurrent
//! writers, kills, replacement, locks and a full disk (docs/reliability.md). Bounded: each
//! test runs in seconds; the long soaks
//! (`tests/reliability/soak.rs`, run by `tests/soak.sh`) are ignored here.

#[path = "reliability/support.rs"]
mod support;

#[path = "reliability/busy.rs"]
mod busy;
#[path = "reliability/files.rs"]
mod files;
#[path = "reliability/health.rs"]
mod health;
#[path = "reliability/hostile.rs"]
mod hostile;
#[path = "reliability/props.rs"]
mod props;
#[path = "reliability/soak.rs"]
mod soak;
#[path = "reliability/writers.rs"]
mod writers;
