#pragma once

#include <QByteArray>

namespace JobDeck::Test {

// A lineage in SQLFlow's format (the `sqlflow` data model, no `graph` element): two tables
// feed a view that feeds a report table.
//   customers(id, name)  orders(id, customer_id, amount)
//   v_order_summary(customer_name, total) <- customers.name, orders.customer_id; orders.amount
//   report(name, total) <- v_order_summary.customer_name; v_order_summary.total
inline QByteArray sampleLineage()
{
    return QByteArrayLiteral(R"({"code":200,"data":{"mode":"global","sqlflow":{
 "dbobjs":{"servers":[{"name":"default_server","dbVendor":"dbvhive","supportsCatalogs":true,
  "supportsSchemas":false,"databases":[{"name":"sales","tables":[
   {"id":"1","name":"customers","type":"table","columns":[{"id":"11","name":"id"},{"id":"12","name":"name"}]},
   {"id":"2","name":"orders","type":"table","columns":[{"id":"21","name":"id"},{"id":"22","name":"customer_id"},{"id":"23","name":"amount"}]},
   {"id":"4","name":"report","type":"table","columns":[{"id":"41","name":"name"},{"id":"42","name":"total"}]}],
  "views":[
   {"id":"3","name":"v_order_summary","type":"view","columns":[{"id":"31","name":"customer_name"},{"id":"32","name":"total"}]}]}]}]},
 "relationships":[
  {"id":"100","type":"fdd","effectType":"create_view","target":{"id":"31","column":"customer_name","parentId":"3","parentName":"v_order_summary"},
   "sources":[{"id":"12","column":"name","parentId":"1","parentName":"customers"}]},
  {"id":"101","type":"fdr","effectType":"create_view","target":{"id":"31","column":"customer_name","parentId":"3","parentName":"v_order_summary"},
   "sources":[{"id":"22","column":"customer_id","parentId":"2","parentName":"orders"}]},
  {"id":"102","type":"fdd","effectType":"create_view","target":{"id":"32","column":"total","parentId":"3","parentName":"v_order_summary"},
   "sources":[{"id":"23","column":"amount","parentId":"2","parentName":"orders"}]},
  {"id":"103","type":"fdd","effectType":"insert","target":{"id":"41","column":"name","parentId":"4","parentName":"report"},
   "sources":[{"id":"31","column":"customer_name","parentId":"3","parentName":"v_order_summary"}]},
  {"id":"104","type":"fdd","effectType":"insert","target":{"id":"42","column":"total","parentId":"4","parentName":"report"},
   "sources":[{"id":"32","column":"total","parentId":"3","parentName":"v_order_summary"}]},
  {"id":"105","type":"join","target":{"id":"21","column":"id","parentId":"2","parentName":"orders"},
   "sources":[{"id":"11","column":"id","parentId":"1","parentName":"customers"}]}]}}})");
}

} // namespace JobDeck::Test
