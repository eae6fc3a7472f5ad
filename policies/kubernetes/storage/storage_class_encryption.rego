# METADATA
# title: StorageClasses request encrypted volumes
# description: >-
#   Every StorageClass whose provisioner leaves encryption at rest off
#   unless asked (AWS EBS, in-tree kubernetes.io/aws-ebs and the
#   ebs.csi.aws.com driver; Ceph RBD, rbd.csi.ceph.com) sets the
#   parameter encrypted = "true". Volumes provisioned otherwise hold
#   application data unencrypted on the provider's disks and in their
#   snapshots. Provisioners that always encrypt (GCE PD, Azure Disk) are
#   not findings; other provisioners, and the encryption of an existing
#   PersistentVolume's backing disk, cannot be told from the manifests
#   and are not judged.
# custom:
#   id: K8S-STOR-001
#   severity: high
#   criteria: [CC6.1, CC6.7, C1.1]
#   resource_types: [StorageClass]
#   remediation: >-
#     Set parameters.encrypted: "true" on the StorageClass (with kmsKeyId
#     for a customer-managed key on EBS, or encryptionKMSID on Ceph), make
#     it the default class, and move existing volumes to it.
package soc2scan.rules.kubernetes.storage.storage_class_encryption

import data.soc2scan.lib.kubernetes as k8s

# opt_in_provisioners encrypt only when the parameter encrypted is "true".
opt_in_provisioners := {"kubernetes.io/aws-ebs", "ebs.csi.aws.com", "rbd.csi.ceph.com"}

deny contains finding if {
	some sc in k8s.resources("StorageClass")
	provisioner := sc.values.provisioner
	provisioner in opt_in_provisioners
	not encrypted(sc.values)
	finding := {"resource": sc.id, "path": path(sc.values), "message": sprintf("%s provisions %s volumes without encryption: parameters.encrypted is %s", [sc.id, provisioner, fact(sc.values)])}
}

encrypted(values) if lower(sprintf("%v", [values.parameters.encrypted])) == "true"

path(values) := ["parameters", "encrypted"] if values.parameters.encrypted != null

path(values) := ["provisioner"] if not values.parameters.encrypted

fact(values) := sprintf("%q", [sprintf("%v", [values.parameters.encrypted])]) if values.parameters.encrypted != null

fact(values) := "not set (defaults to false)" if not values.parameters.encrypted
