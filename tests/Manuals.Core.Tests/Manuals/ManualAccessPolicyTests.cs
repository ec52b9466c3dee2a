using Manuals.Core.Accounts;
using Manuals.Core.Manuals;

namespace Manuals.Core.Tests.Manuals;

public sealed class ManualAccessPolicyTests
{
    private const long Keiri = 1;
    private const long Jinji = 2;

    private static Viewer User(string role, params long[] departments) =>
        new(42, new HashSet<string> { role }, departments.ToHashSet());

    private static Manual Manual(ManualVisibility visibility, long department = Jinji, long? owner = null, ManualStatus status = ManualStatus.Published) =>
        new() { Id = 1, DepartmentId = department, Visibility = visibility, OwnerId = owner, Status = status };

    [Theory]
    [InlineData(Roles.Reader, Keiri, ManualVisibility.Company, true)]
    [InlineData(Roles.Reader, Keiri, ManualVisibility.Department, false)]
    [InlineData(Roles.Reader, Jinji, ManualVisibility.Department, true)]
    [InlineData(Roles.Editor, Keiri, ManualVisibility.Department, false)]
    [InlineData(Roles.Admin, Keiri, ManualVisibility.Department, true)]
    public void CanRead_FollowsVisibility(string role, long department, ManualVisibility visibility, bool expected) =>
        Assert.Equal(expected, ManualAccessPolicy.CanRead(User(role, department), Manual(visibility)));

    [Fact]
    public void CanRead_OwnerOutsideDepartment_CanReadRestricted() =>
        Assert.True(ManualAccessPolicy.CanRead(User(Roles.Reader, Keiri), Manual(ManualVisibility.Department, owner: 42)));

    [Theory]
    [InlineData(Roles.Reader, Jinji, false)]
    [InlineData(Roles.Editor, Keiri, false)]
    [InlineData(Roles.Editor, Jinji, true)]
    [InlineData(Roles.Admin, Keiri, true)]
    public void CanEdit_NeedsWriterInDepartment(string role, long department, bool expected) =>
        Assert.Equal(expected, ManualAccessPolicy.CanEdit(User(role, department), Manual(ManualVisibility.Company)));

    [Fact]
    public void CanEdit_EditorOwningManualElsewhere_MayEdit() =>
        Assert.True(ManualAccessPolicy.CanEdit(User(Roles.Editor, Keiri), Manual(ManualVisibility.Company, owner: 42)));

    [Fact]
    public void CanEdit_ReaderOwningManual_MayNot() =>
        Assert.False(ManualAccessPolicy.CanEdit(User(Roles.Reader, Jinji), Manual(ManualVisibility.Company, owner: 42)));

    [Theory]
    [InlineData(Roles.Reader, Keiri, Keiri, false)]
    [InlineData(Roles.Editor, Keiri, Keiri, true)]
    [InlineData(Roles.Editor, Keiri, Jinji, false)]
    [InlineData(Roles.Admin, Keiri, Jinji, true)]
    public void CanCreateIn_NeedsWriterInDepartment(string role, long member, long target, bool expected) =>
        Assert.Equal(expected, ManualAccessPolicy.CanCreateIn(User(role, member), target));

    [Theory]
    [InlineData(Roles.Reader, Jinji, ManualVisibility.Company, false)]
    [InlineData(Roles.Reader, Jinji, ManualVisibility.Department, false)]
    [InlineData(Roles.Reader, Keiri, ManualVisibility.Company, false)]
    [InlineData(Roles.Editor, Jinji, ManualVisibility.Company, true)]
    [InlineData(Roles.Editor, Jinji, ManualVisibility.Department, true)]
    [InlineData(Roles.Editor, Keiri, ManualVisibility.Company, false)]
    [InlineData(Roles.Admin, Keiri, ManualVisibility.Department, true)]
    public void CanRead_Draft_OnlyThoseWhoMayEditIt(string role, long department, ManualVisibility visibility, bool expected)
    {
        Assert.Equal(expected, ManualAccessPolicy.CanRead(User(role, department), Manual(visibility, status: ManualStatus.Draft)));
    }

    [Theory]
    [InlineData(Roles.Reader, false)]
    [InlineData(Roles.Editor, true)]
    public void CanRead_DraftOfAnotherDepartmentOwnedByViewer_OnlyAWriter(string role, bool expected)
    {
        Assert.Equal(expected, ManualAccessPolicy.CanRead(User(role, Keiri), Manual(ManualVisibility.Company, owner: 42, status: ManualStatus.Draft)));
    }

    [Theory]
    [InlineData(ManualStatus.Published)]
    [InlineData(ManualStatus.Archived)]
    public void CanRead_NotADraft_ReaderOfAnotherDepartmentReadsCompanyManual(ManualStatus status)
    {
        Assert.True(ManualAccessPolicy.CanRead(User(Roles.Reader, Keiri), Manual(ManualVisibility.Company, status: status)));
    }
}
