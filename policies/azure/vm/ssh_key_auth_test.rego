package soc2scan.rules.azure.vm.ssh_key_auth_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.vm.ssh_key_auth

vm(name, values) := {"id": sprintf("azurerm_linux_virtual_machine.%s", [name]), "type": "azurerm_linux_virtual_machine", "values": values}

test_fail_passwords if {
	findings := ssh_key_auth.deny with input as doc([vm("a", {"disable_password_authentication": false})])
	findings == {{"resource": "azurerm_linux_virtual_machine.a", "message": "azurerm_linux_virtual_machine.a has disable_password_authentication = false: SSH accepts passwords"}}
}

test_pass_keys_only if {
	count(ssh_key_auth.deny) == 0 with input as doc([vm("a", {}), vm("b", {"disable_password_authentication": true})])
}

test_unknown_is_not_a_finding if {
	input_doc := doc([object.union(vm("a", {}), {"unknown": {"disable_password_authentication": true}})])
	count(ssh_key_auth.deny) == 0 with input as input_doc
	ssh_key_auth.unknown == {{"resource": "azurerm_linux_virtual_machine.a", "message": "disable_password_authentication is known only after apply"}} with input as input_doc
}
