-- Found by the benchmarks at 1,000,000 commitments (npm run bench with BENCH_SCALE=full).

-- A commission's overview sums up its programmes: the commitments linked to a programme directly are found here
-- instead of by reading every commitment.
create index commitments_programme_idx on commitments (programme_id) where programme_id is not null;
