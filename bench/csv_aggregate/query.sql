-- The csv_aggregate benchmark in DuckDB: NPS, CSAT share, mean first-response time, FCR
-- share and the sum of active MRR by region × month, straight from the CSV with explicit
-- column types (no sniffing). duckdb.mjs replaces {{csv}} with the file's path and runs
-- it with 2 threads. The definitions are bench.folio's and scan.cpp's:
--   nps        100 × promoters (score >= 9) / rows − 100 × detractors (score <= 6) / rows
--   csat_share rows with csat >= 4 / rows (a missing csat is in the denominator)
--   frt_mean   avg(first_response_minutes), missing values ignored
--   fcr_share  rows with contacts = 1 / rows
--   mrr        sum(mrr) over rows with status = 'active' (0 when there are none)
SELECT region,
       strftime(month, '%Y-%m') AS month,
       100 * promoters / n - 100 * detractors / n AS nps,
       csat_positive / n AS csat_share,
       frt_mean,
       first_contact / n AS fcr_share,
       mrr
FROM (
  SELECT region,
         date_trunc('month', submitted_at) AS month,
         count(*)::DOUBLE AS n,
         count(*) FILTER (WHERE score >= 9) AS promoters,
         count(*) FILTER (WHERE score <= 6) AS detractors,
         count(*) FILTER (WHERE csat >= 4) AS csat_positive,
         avg(first_response_minutes) AS frt_mean,
         count(*) FILTER (WHERE contacts = 1) AS first_contact,
         coalesce(sum(mrr) FILTER (WHERE status = 'active'), 0) AS mrr
  FROM read_csv('{{csv}}',
         header = true, delim = ',', quote = '"', escape = '"', auto_detect = false,
         columns = {
           'response_id': 'VARCHAR', 'submitted_at': 'DATE', 'region': 'VARCHAR',
           'score': 'TINYINT', 'csat': 'TINYINT', 'first_response_minutes': 'DOUBLE',
           'contacts': 'TINYINT', 'mrr': 'DOUBLE', 'status': 'VARCHAR'})
  GROUP BY region, month
)
ORDER BY region, month;
