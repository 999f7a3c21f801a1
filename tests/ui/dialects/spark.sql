/* Spark SQL /* nested */ comment */
CACHE LAZY TABLE hot AS SELECT * FROM events WHERE dt >= date_sub(current_date(), 7);
SELECT user_id, approx_count_distinct(session) AS sessions, explode_outer(tags)
FROM hot TABLESAMPLE (10 PERCENT)
PIVOT (sum(amount) FOR channel IN ('web', 'app'))
QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY ts DESC) = 1;
