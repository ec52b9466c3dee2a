using Manuals.Core.Manuals;

namespace Manuals.Core.Images;

/// <summary>
/// A manual whose current text refers to an image, with what <see cref="ManualAccessPolicy.CanRead(Accounts.Viewer, long, ManualVisibility, long?)"/>
/// needs to decide who may read it.
/// </summary>
/// <param name="ManualId">The manual.</param>
/// <param name="DepartmentId">The manual's department.</param>
/// <param name="Visibility">全社公開 or 部署限定.</param>
/// <param name="OwnerId">The manual's owner, if any.</param>
public sealed record ImageUsage(long ManualId, long DepartmentId, ManualVisibility Visibility, long? OwnerId);
