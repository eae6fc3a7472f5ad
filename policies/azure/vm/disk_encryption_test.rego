package soc2scan.rules.azure.vm.disk_encryption_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.vm.disk_encryption

disk(name, values) := {"id": sprintf("azurerm_managed_disk.%s", [name]), "type": "azurerm_managed_disk", "values": values}

vm(name, values) := {"id": sprintf("azurerm_linux_virtual_machine.%s", [name]), "type": "azurerm_linux_virtual_machine", "values": values}

test_fail_platform_keys if {
	findings := disk_encryption.deny with input as doc([
		disk("plain", {}),
		disk("off", {"encryption_settings": {"enabled": false}}),
		vm("vm", {"os_disk": [{"caching": "ReadWrite"}]}),
	])
	findings == {
		{"resource": "azurerm_managed_disk.plain", "message": "azurerm_managed_disk.plain has no disk_encryption_set_id or encryption_settings: it is encrypted with platform-managed keys only"},
		{"resource": "azurerm_managed_disk.off", "message": "azurerm_managed_disk.off has encryption_settings.enabled = false and no disk encryption set: it is encrypted with platform-managed keys only"},
		{"resource": "azurerm_linux_virtual_machine.vm", "message": "azurerm_linux_virtual_machine.vm sets neither encryption_at_host_enabled = true nor os_disk.disk_encryption_set_id: its disks use platform-managed keys only"},
	}
}

test_pass_customer_keys_or_host if {
	count(disk_encryption.deny) == 0 with input as doc([
		disk("des", {"disk_encryption_set_id": "/subscriptions/x/des"}),
		disk("ade", {"encryption_settings": [{"disk_encryption_key": [{"secret_url": "u"}]}]}),
		disk("attached", {}),
		vm("host", {"encryption_at_host_enabled": true}),
		vm("osdes", {"os_disk": [{"disk_encryption_set_id": "/subscriptions/x/des"}]}),
		{
			"id": "azurerm_virtual_machine_data_disk_attachment.a",
			"type": "azurerm_virtual_machine_data_disk_attachment",
			"refs": {"managed_disk_id": ["azurerm_managed_disk.attached"], "virtual_machine_id": ["azurerm_linux_virtual_machine.host"]},
		},
	])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(vm("a", {}), {"unknown": {"encryption_at_host_enabled": true}})])
	count(disk_encryption.deny) == 0 with input as input_doc
	disk_encryption.unknown == {{"resource": "azurerm_linux_virtual_machine.a", "message": "encryption_at_host_enabled is known only after apply"}} with input as input_doc
}
