package soc2scan.rules.azure.backup.vm_protected_test

import data.soc2scan.lib.testing.doc
import data.soc2scan.rules.azure.backup.vm_protected

test_fail_unprotected if {
	findings := vm_protected.deny with input as doc([
		{"id": "azurerm_linux_virtual_machine.a", "type": "azurerm_linux_virtual_machine"},
		{"id": "azurerm_linux_virtual_machine.b", "type": "azurerm_linux_virtual_machine"},
		{"id": "azurerm_backup_protected_vm.b", "type": "azurerm_backup_protected_vm", "refs": {"source_vm_id": ["azurerm_linux_virtual_machine.b"]}},
	])
	findings == {{"resource": "azurerm_linux_virtual_machine.a", "message": "azurerm_linux_virtual_machine.a has no azurerm_backup_protected_vm: it is not backed up"}}
}

test_pass_protected if {
	count(vm_protected.deny) == 0 with input as doc([
		{"id": "azurerm_windows_virtual_machine.w", "type": "azurerm_windows_virtual_machine"},
		{"id": "azurerm_backup_protected_vm.w", "type": "azurerm_backup_protected_vm", "refs": {"source_vm_id": ["azurerm_windows_virtual_machine.w"]}},
	])
}
