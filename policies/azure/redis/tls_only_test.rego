package soc2scan.rules.azure.redis.tls_only_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.redis.tls_only

cache(name, values) := {"id": sprintf("azurerm_redis_cache.%s", [name]), "type": "azurerm_redis_cache", "values": values}

test_fail_plain_port_and_old_tls if {
	findings := tls_only.deny with input as doc([
		cache("a", {"enable_non_ssl_port": true}),
		cache("b", {"minimum_tls_version": "1.0"}),
	])
	findings == {
		{"resource": "azurerm_redis_cache.a", "message": "azurerm_redis_cache.a has enable_non_ssl_port = true: clients can connect without TLS on port 6379"},
		{"resource": "azurerm_redis_cache.b", "message": "azurerm_redis_cache.b has minimum_tls_version = \"1.0\", below 1.2"},
	}
}

test_pass_tls_only if {
	count(tls_only.deny) == 0 with input as doc([cache("a", {}), cache("b", {"non_ssl_port_enabled": false, "minimum_tls_version": "1.2"})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(cache("a", {}), {"unknown": {"non_ssl_port_enabled": true}})])
	count(tls_only.deny) == 0 with input as input_doc
	tls_only.unknown == {{"resource": "azurerm_redis_cache.a", "message": "non_ssl_port_enabled is known only after apply"}} with input as input_doc
}
