# METADATA
# title: Managed disks are encrypted with customer-managed keys or at host
# description: >-
#   Every azurerm_managed_disk uses a disk encryption set
#   (disk_encryption_set_id, secure_vm_disk_encryption_set_id), Azure Disk
#   Encryption (encryption_settings not disabled) or is attached to a VM with
#   encryption_at_host_enabled; every azurerm_linux_virtual_machine and
#   azurerm_windows_virtual_machine sets encryption_at_host_enabled = true
#   or gives its os_disk a disk encryption set. Platform-managed keys alone
#   leave key control, rotation and revocation out of the organisation's
#   hands, and without encryption at host temporary disks and caches are
#   not encrypted end to end.
# custom:
#   id: AZ-VM-002
#   severity: medium
#   criteria: [CC6.1, CC6.7, CC7.4, CC7.5, PI1.5]
#   resource_types: [azurerm_managed_disk, azurerm_linux_virtual_machine, azurerm_windows_virtual_machine]
#   remediation: >-
#     Set disk_encryption_set_id to an azurerm_disk_encryption_set backed by
#     a Key Vault key (os_disk.disk_encryption_set_id on VMs), or set
#     encryption_at_host_enabled = true on the VMs.
package soc2scan.rules.azure.vm.disk_encryption

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

vms := azure.resources(["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine"])

key_sets := ["disk_encryption_set_id", "secure_vm_disk_encryption_set_id"]

deny contains finding if {
	some disk in tf.resources("azurerm_managed_disk")
	v := object.get(azure.block(disk, "encryption_settings"), "enabled", null)
	azure.falsy(v)
	not customer_keys(disk)
	finding := {"resource": disk.id, "message": sprintf("%s has encryption_settings.enabled = %v and no disk encryption set: it is encrypted with platform-managed keys only", [disk.id, v])}
}

deny contains finding if {
	some disk in tf.resources("azurerm_managed_disk")
	not azure.has_block(disk, "encryption_settings")
	not customer_keys(disk)
	not tf.is_unknown(disk, "encryption_settings")
	not attached_to_encrypting_host(disk)
	finding := {"resource": disk.id, "message": sprintf("%s has no disk_encryption_set_id or encryption_settings: it is encrypted with platform-managed keys only", [disk.id])}
}

deny contains finding if {
	some vm in vms
	not encrypted_vm(vm)
	not azure.any_unknown(vm, ["encryption_at_host_enabled", "os_disk"])
	finding := {"resource": vm.id, "message": sprintf("%s sets neither encryption_at_host_enabled = true nor os_disk.disk_encryption_set_id: its disks use platform-managed keys only", [vm.id])}
}

customer_keys(disk) if {
	some attr in key_sets
	azure.given(disk, attr)
}

encrypted_vm(vm) if azure.truthy(tf.value(vm, "encryption_at_host_enabled"))

encrypted_vm(vm) if {
	some attr in key_sets
	azure.given(vm, ["os_disk", 0, attr])
}

attached_to_encrypting_host(disk) if {
	some attachment in tf.related(disk, "azurerm_virtual_machine_data_disk_attachment", "managed_disk_id")
	some vm in tf.refers_to(attachment, "virtual_machine_id")
	azure.truthy(tf.value(vm, "encryption_at_host_enabled"))
}

unknown contains tf.undetermined(disk, "encryption_settings") if {
	some disk in tf.resources("azurerm_managed_disk")
	not customer_keys(disk)
	tf.is_unknown(disk, "encryption_settings")
}

unknown contains tf.undetermined(vm, attr) if {
	some vm in vms
	not encrypted_vm(vm)
	some attr in ["encryption_at_host_enabled", "os_disk"]
	tf.is_unknown(vm, attr)
}
