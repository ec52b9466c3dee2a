using Manuals.Core.Accounts;
using Manuals.Core.Templates;

namespace Manuals.Core.Tests.Templates;

/// <summary>Who may change a step template: role × whose template it is.</summary>
public sealed class TemplateAccessPolicyTests
{
    private const long Me = 42;
    private const long SomeoneElse = 7;

    [Theory]
    [InlineData(Roles.Reader, "built-in", false)]
    [InlineData(Roles.Reader, "own", false)]
    [InlineData(Roles.Reader, "other's", false)]
    [InlineData(Roles.Reader, "legacy", false)]
    [InlineData(Roles.Editor, "built-in", false)]
    [InlineData(Roles.Editor, "own", true)]
    [InlineData(Roles.Editor, "other's", false)]
    [InlineData(Roles.Editor, "legacy", false)]
    [InlineData(Roles.Admin, "built-in", true)]
    [InlineData(Roles.Admin, "own", true)]
    [InlineData(Roles.Admin, "other's", true)]
    [InlineData(Roles.Admin, "legacy", true)]
    public void CanChange_RoleAndWhoseTemplate_AdminsAnyEditorsOnlyTheirOwnReadersNone(string role, string whose, bool expected)
    {
        var template = whose switch
        {
            "built-in" => new StepTemplate { Name = "業務手順書", IsBuiltIn = true },
            "own" => new StepTemplate { Name = "自分の", CreatedByUserId = Me },
            "other's" => new StepTemplate { Name = "ほかの人の", CreatedByUserId = SomeoneElse },
            _ => new StepTemplate { Name = "作成者の記録がない", CreatedByUserId = null },
        };

        Assert.Equal(expected, TemplateAccessPolicy.CanChange(User(role), template));
    }

    [Fact]
    public void CanChange_BuiltInRecordedAsTheEditors_StillAdminOnly()
    {
        var builtIn = new StepTemplate { Name = "業務手順書", IsBuiltIn = true, CreatedByUserId = Me };

        Assert.False(TemplateAccessPolicy.CanChange(User(Roles.Editor), builtIn));
        Assert.True(TemplateAccessPolicy.CanChange(User(Roles.Admin), builtIn));
    }

    [Fact]
    public void CanChange_EditorOfEveryDepartment_StillOnlyTheirOwn()
    {
        // Departments do not enter into it: a template serves every department.
        var editor = new Viewer(Me, new HashSet<string> { Roles.Editor }, new HashSet<long> { 1, 2, 3, 4, 5, 6, 7 });

        Assert.False(TemplateAccessPolicy.CanChange(editor, new StepTemplate { Name = "x", CreatedByUserId = SomeoneElse }));
    }

    [Theory]
    [InlineData(Roles.Reader, false)]
    [InlineData(Roles.Editor, true)]
    [InlineData(Roles.Admin, true)]
    public void CanCreate_Role_WritersOnly(string role, bool expected)
    {
        Assert.Equal(expected, TemplateAccessPolicy.CanCreate(User(role)));
    }

    private static Viewer User(string role) => new(Me, new HashSet<string> { role }, new HashSet<long> { 1 });
}
