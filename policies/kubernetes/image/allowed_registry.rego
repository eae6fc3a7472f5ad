# METADATA
# title: Container images come from allow-listed registries
# description: >-
#   Every container image is pulled from a registry of the organisation's
#   allow-list: the image reference starts with one of the prefixes in
#   data.soc2scan.settings.allowed_registries (e.g.
#   "123456789012.dkr.ecr.eu-west-1.amazonaws.com/", "ghcr.io/acme/").
#   An image without a registry is docker.io/library/NAME or
#   docker.io/NAME. Images from arbitrary registries bypass the scanning,
#   signing and provenance controls of the approved ones. The allow-list is
#   organisation-specific: without it every container's verdict is
#   reported as unknown, never as passed.
# custom:
#   id: K8S-IMG-002
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Pull the image through an approved registry (mirror it there), and
#     declare the approved registries in a Rego module given with --policy:
#     package soc2scan.settings, allowed_registries := ["registry.example.com/"].
package soc2scan.rules.kubernetes.image.allowed_registry

import data.soc2scan.lib.kubernetes as k8s

allowed := data.soc2scan.settings.allowed_registries

deny contains finding if {
	prefixes := allowed
	some c in k8s.all_containers
	image := c.container.image
	is_string(image)
	image != ""
	ref := k8s.full_image_name(image)
	not permitted(ref, prefixes)
	finding := {"resource": c.id, "path": array.concat(c.path, ["image"]), "message": sprintf("%s image %s is not from an allow-listed registry (%s)", [c.subject, image, ref])}
}

unknown contains entry if {
	not allowed
	some ps in k8s.pod_specs
	entry := {"resource": ps.id, "message": "no registry allow-list is configured (data.soc2scan.settings.allowed_registries)"}
}

permitted(ref, prefixes) if {
	some prefix in prefixes
	startswith(ref, prefix)
}
