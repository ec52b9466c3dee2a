using Manuals.Core.Manuals;

namespace Manuals.Core.Images;

/// <summary>
/// A manual that refers to an image in its current text or an earlier revision, with what <see cref="ManualAccessPolicy.CanRead(Accounts.Viewer, long, ManualVisibility, long?, ManualStatus)"/>
/// needs to decide who may read it.
/// </summary>
/// <param name="ManualId">The manual.</param>
/// <param name="DepartmentId">The manual's current department.</param>
/// <param name="Visibility">The manual's current visibility: 全社公開 or 部署限定.</param>
/// <param name="OwnerId">The manual's current owner, if any.</param>
/// <param name="Status">The manual's current status: a 下書き's images are for those who may edit it.</param>
public sealed record ImageUsage(long ManualId, long DepartmentId, ManualVisibility Visibility, long? OwnerId, ManualStatus Status);
