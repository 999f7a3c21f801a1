-- Hive: dynamic partitions, a lateral view and a distributed sort
SET hive.exec.dynamic.partition.mode=nonstrict;
INSERT OVERWRITE TABLE sales_by_tag PARTITION (dt = '${dt}')
SELECT tag, count(*) AS n, collect_set(user_id) AS users
FROM events LATERAL VIEW explode(tags) t AS tag
WHERE msg RLIKE 'it\'s; fine' AND amount > 1.5e3
GROUP BY tag
DISTRIBUTE BY tag SORT BY n DESC;
CREATE EXTERNAL TABLE raw (`key` STRING, v MAP<STRING, BIGINT>) STORED AS ORC LOCATION '/data/raw';
