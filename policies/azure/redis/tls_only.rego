# METADATA
# title: Redis caches accept only TLS 1.2 connections
# description: >-
#   No azurerm_redis_cache turns the non-TLS port on (non_ssl_port_enabled,
#   enable_non_ssl_port before provider 4.0; default false) or sets
#   minimum_tls_version below 1.2 (the default is 1.2). The plain port
#   6379 sends the access key and cached data unencrypted.
# custom:
#   id: AZ-REDIS-001
#   severity: high
#   criteria: [CC6.1, CC6.6, CC6.7]
#   resource_types: [azurerm_redis_cache]
#   remediation: Set non_ssl_port_enabled = false (enable_non_ssl_port on provider 3.x) and minimum_tls_version = "1.2".
package soc2scan.rules.azure.redis.tls_only

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

port := ["non_ssl_port_enabled", "enable_non_ssl_port"]

deny contains finding if {
	some cache in tf.resources("azurerm_redis_cache")
	s := azure.setting(cache, port)
	azure.truthy(s.value)
	finding := {"resource": cache.id, "message": sprintf("%s has %s = %v: clients can connect without TLS on port 6379", [cache.id, s.path, s.value])}
}

deny contains finding if {
	some cache in tf.resources("azurerm_redis_cache")
	v := tf.value(cache, "minimum_tls_version")
	azure.weak_tls(v)
	finding := {"resource": cache.id, "message": sprintf("%s has minimum_tls_version = %q, below 1.2", [cache.id, v])}
}

unknown contains tf.undetermined(cache, attr) if {
	some cache in tf.resources("azurerm_redis_cache")
	some attr in array.concat(port, ["minimum_tls_version"])
	tf.is_unknown(cache, attr)
}
