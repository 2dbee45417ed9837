"""Every server table, imported in one place so Base.metadata is complete (migrations, tests)."""

from sync.server.audit.models import AuditEventModel
from sync.server.authz.models import RoleGrantModel
from sync.server.auth.models import ChallengeModel, DeviceModel, RefreshTokenModel, SessionModel
from sync.server.blobs.models import BlobRef, BlobUploader
from sync.server.bundles.models import BundleSenderModel
from sync.server.bookings.models import InvitationModel, RoomBookingModel, RoomModel, RoomSlotModel
from sync.server.changelog.models import ChangeRow, SeqCounter
from sync.server.documents.models import DocumentBodyModel, DocumentModel, IncomingModel, NumberCounterModel, ReminderModel
from sync.server.directory.models import DepartmentModel, PersonModel, RoleModel, UnitModel
from sync.server.files.models import FileModel, FileVersionModel, FolderModel, FolderShareModel, PublishedModel, UnitQuotaModel
from sync.server.notices.models import NoticeModel, NoticeReadModel
from sync.server.oidc.models import BrowserSessionModel, GrantModel, LoginTicketModel, OidcClientModel
from sync.server.pki.models import CaCertificateModel, CertificateBindingModel, CrlModel, RevocationModel
from sync.server.portal.models import TodoModel
from sync.server.sync.models import AppliedOpModel
from sync.server.vehicles.models import DriverModel, VehicleModel, VehicleRequestModel

__all__ = [
    "AuditEventModel",
    "BrowserSessionModel",
    "CaCertificateModel",
    "CertificateBindingModel",
    "CrlModel",
    "GrantModel",
    "LoginTicketModel",
    "RefreshTokenModel",
    "RevocationModel",
    "SessionModel",
    "AppliedOpModel",
    "BlobRef",
    "BlobUploader",
    "BundleSenderModel",
    "ChallengeModel",
    "ChangeRow",
    "DepartmentModel",
    "DocumentBodyModel",
    "DocumentModel",
    "IncomingModel",
    "NumberCounterModel",
    "ReminderModel",
    "DeviceModel",
    "DriverModel",
    "FileModel",
    "FileVersionModel",
    "FolderModel",
    "FolderShareModel",
    "InvitationModel",
    "NoticeModel",
    "NoticeReadModel",
    "OidcClientModel",
    "PersonModel",
    "PublishedModel",
    "RoleGrantModel",
    "RoleModel",
    "RoomBookingModel",
    "RoomModel",
    "RoomSlotModel",
    "SeqCounter",
    "TodoModel",
    "UnitModel",
    "UnitQuotaModel",
    "VehicleModel",
    "VehicleRequestModel",
]
