# METADATA
# title: Linux virtual machines accept SSH keys only
# description: >-
#   No azurerm_linux_virtual_machine or azurerm_linux_virtual_machine_scale_set
#   sets disable_password_authentication = false (the default is true).
#   Password logins can be guessed or reused from other breaches; SSH keys
#   tie access to a credential the organisation issues and revokes.
# custom:
#   id: AZ-VM-001
#   severity: high
#   criteria: [CC6.1, CC6.6]
#   resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set]
#   remediation: >-
#     Remove disable_password_authentication = false and admin_password, and
#     give admin_ssh_key blocks with the administrators' public keys.
package soc2scan.rules.azure.vm.ssh_key_auth

import data.soc2scan.lib.azure
import data.soc2scan.lib.terraform as tf

vms := azure.resources(["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"])

deny contains finding if {
	some vm in vms
	v := tf.value(vm, "disable_password_authentication")
	azure.falsy(v)
	finding := {"resource": vm.id, "message": sprintf("%s has disable_password_authentication = %v: SSH accepts passwords", [vm.id, v])}
}

unknown contains tf.undetermined(vm, "disable_password_authentication") if {
	some vm in vms
	tf.is_unknown(vm, "disable_password_authentication")
}
