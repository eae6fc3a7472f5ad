package soc2scan.rules.kubernetes.storage.storage_class_encryption_test

import data.soc2scan.lib.testing.kube
import data.soc2scan.rules.kubernetes.storage.storage_class_encryption

sc(name, provisioner, parameters) := {"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": name}, "provisioner": provisioner, "parameters": parameters}

test_fail_unencrypted if {
	findings := storage_class_encryption.deny with input as kube([
		sc("gp3", "ebs.csi.aws.com", {"type": "gp3"}),
		sc("old", "kubernetes.io/aws-ebs", {"encrypted": "false"}),
		{"apiVersion": "storage.k8s.io/v1", "kind": "StorageClass", "metadata": {"name": "bare"}, "provisioner": "ebs.csi.aws.com"},
	])
	findings == {
		{"resource": "StorageClass/gp3", "message": "StorageClass/gp3 provisions ebs.csi.aws.com volumes without encryption: parameters.encrypted is not set (defaults to false)", "path": ["provisioner"]},
		{"resource": "StorageClass/bare", "message": "StorageClass/bare provisions ebs.csi.aws.com volumes without encryption: parameters.encrypted is not set (defaults to false)", "path": ["provisioner"]},
		{"resource": "StorageClass/old", "message": "StorageClass/old provisions kubernetes.io/aws-ebs volumes without encryption: parameters.encrypted is \"false\"", "path": ["parameters", "encrypted"]},
	}
}

test_pass_encrypted_or_always_encrypting if {
	count(storage_class_encryption.deny) == 0 with input as kube([
		sc("gp3", "ebs.csi.aws.com", {"type": "gp3", "encrypted": "true", "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/abc"}),
		sc("rbd", "rbd.csi.ceph.com", {"encrypted": true}),
		sc("pd", "pd.csi.storage.gke.io", {"type": "pd-ssd"}),
	])
}
