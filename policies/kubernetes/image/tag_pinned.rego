# METADATA
# title: Container images are pinned to a digest or an explicit tag
# description: >-
#   Every container image is referenced by digest (image@sha256:...) or by
#   an explicit tag other than latest. An untagged image means latest:
#   what runs then changes whenever someone pushes, without a change in
#   the reviewed manifests, so the change-management evidence no longer
#   describes production.
# custom:
#   id: K8S-IMG-001
#   severity: medium
#   criteria: [CC6.8, CC8.1]
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, ReplicationController, Configuration, Revision]
#   remediation: >-
#     Reference the image by digest (registry/app@sha256:...) or by an
#     immutable release tag (registry/app:1.4.2) in an immutable
#     repository; never :latest.
package soc2scan.rules.kubernetes.image.tag_pinned

import data.soc2scan.lib.kubernetes as k8s

deny contains finding if {
	some c in k8s.all_containers
	image := c.container.image
	is_string(image)
	image != ""
	not contains(image, "@")
	segments := split(image, "/")
	problem := unpinned(segments[count(segments) - 1])
	finding := {"resource": c.id, "path": array.concat(c.path, ["image"]), "message": concat(" ", [c.subject, "image", image, problem])}
}

# unpinned says what is wrong with the last path segment of an image
# reference without a digest. The tag follows the last ":" of that
# segment; a ":" before the last "/" is a registry port (registry:5000/app).
unpinned(segment) := "has no tag or digest (pulls latest)" if {
	not contains(segment, ":")
} else := "uses tag latest" if {
	parts := split(segment, ":")
	parts[count(parts) - 1] == "latest"
}
