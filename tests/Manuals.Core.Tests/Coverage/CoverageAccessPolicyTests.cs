using Manuals.Core.Accounts;
using Manuals.Core.Coverage;

namespace Manuals.Core.Tests.Coverage;

/// <summary>Who sees a department's people and their personal details: roles × own or other department × kind of data.</summary>
public sealed class CoverageAccessPolicyTests
{
    private const long Own = 1;
    private const long Other = 2;

    private static Viewer User(string role) => new(42, new HashSet<string> { role }, new HashSet<long> { Own });

    [Theory]
    [InlineData(Roles.Reader, Own, true)]
    [InlineData(Roles.Reader, Other, false)]
    [InlineData(Roles.Editor, Own, true)]
    [InlineData(Roles.Editor, Other, false)]
    [InlineData(Roles.Admin, Own, true)]
    [InlineData(Roles.Admin, Other, true)]
    public void CanSeePeopleOf_RoleAndDepartment_OwnDepartmentsAndAdmins(string role, long department, bool expected)
    {
        Assert.Equal(expected, CoverageAccessPolicy.CanSeePeopleOf(User(role), department));
    }

    [Theory]
    [InlineData(Roles.Reader, Own, false)]
    [InlineData(Roles.Reader, Other, false)]
    [InlineData(Roles.Editor, Own, true)]
    [InlineData(Roles.Editor, Other, false)]
    [InlineData(Roles.Admin, Own, true)]
    [InlineData(Roles.Admin, Other, true)]
    public void CanSeePersonalDetails_RoleAndDepartment_EditorsOfTheDepartmentAndAdmins(string role, long department, bool expected)
    {
        Assert.Equal(expected, CoverageAccessPolicy.CanSeePersonalDetails(User(role), department));
    }

    [Theory]
    [InlineData(Roles.Reader, Own, Own, false)]
    [InlineData(Roles.Editor, Own, Own, true)]
    [InlineData(Roles.Editor, Own, Other, false)]
    [InlineData(Roles.Editor, Other, Other, false)]
    [InlineData(Roles.Admin, Own, Other, true)]
    [InlineData(Roles.Admin, Other, Other, true)]
    public void CanLinkAccount_RoleRecordAndAccountDepartment_EditorsOnlyOwnDepartmentsAccounts(string role, long recordDepartment, long accountDepartment, bool expected)
    {
        var account = new UserSummary(7, "someone", "誰か", null, false, null, [Roles.Editor], [accountDepartment]);

        Assert.Equal(expected, CoverageAccessPolicy.CanLinkAccount(User(role), account, recordDepartment));
    }

    [Fact]
    public void CanSeePeopleOf_AdminWithoutDepartments_SeesEveryDepartment()
    {
        var admin = new Viewer(1, new HashSet<string> { Roles.Admin }, new HashSet<long>());

        Assert.True(CoverageAccessPolicy.CanSeePeopleOf(admin, Other));
        Assert.True(CoverageAccessPolicy.CanSeePersonalDetails(admin, Other));
    }
}
