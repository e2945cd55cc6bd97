package org.cpd.directory.rest.dto;

import java.util.List;
import java.util.UUID;
import org.cpd.directory.domain.Account;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.service.AccountProvisioning.ReconcileReport;
import org.cpd.directory.service.AccountProvisioning.Repair;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AccountDtos {

    private AccountDtos() {
    }

    @Schema(name = "Account", description = "A practitioner's login as the directory last saw it; the invitation is sent "
            + "shortly after this answer, by the provisioning worker.")
    public record AccountView(UUID practitionerId, AccountState state, boolean invitationDue) {
        public static AccountView from(Account a) {
            return new AccountView(a.id, a.state, a.inviteRequested);
        }
    }

    @Schema(name = "AccountRepair", description = "What reconcile changed on one login, or why it could not.")
    public record RepairView(UUID practitionerId, AccountState state, List<String> changes, String error) {
        static RepairView from(Repair r) {
            return new RepairView(r.practitionerId(), r.state(), r.changes(), r.error());
        }
    }

    @Schema(name = "ReconcileReport", description = "Logins of the caller's partnerships compared with the directory: "
            + "how many were checked, repaired and could not be reached; only those changed or failed are listed.")
    public record ReconcileView(int checked, int repaired, int failed, List<RepairView> accounts) {
        public static ReconcileView from(ReconcileReport r) {
            return new ReconcileView(r.checked(), r.repaired(), r.failed(), r.accounts().stream().map(RepairView::from).toList());
        }
    }
}
