#!/bin/sh
# The reliability soaks (not run by `cargo test`): 8 writers x 10k actions, 200 SIGKILL
# rounds, officers acting during a 600k-record import. Release build; prints one SOAK line
# per soak. SOAK_SCALE=10 divides the sizes for a quick try. Results: docs/reliability.md.
set -eu
cd "$(dirname "$0")/.."
cargo test --release --test reliability soak_ -- --ignored --nocapture --test-threads=1 2>&1 |
  grep -E '^SOAK|^test |test result'
