using Manuals.Core.Accounts;

namespace Manuals.Core.Tests.Accounts;

public sealed class ExternalAccountProvisionerTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeExternalAccountStore _accounts = new();
    private readonly FakeDirectoryGroupMappingStore _groups = new();

    [Theory]
    [InlineData(new string[0], Roles.Reader)]
    [InlineData(new[] { "Manuals.Reader" }, Roles.Reader)]
    [InlineData(new[] { "manuals.editor" }, Roles.Editor)]
    [InlineData(new[] { "Manuals.Reader", "MANUALS.ADMIN", "Manuals.Editor" }, Roles.Admin)]
    [InlineData(new[] { "Other.App.Admin" }, Roles.Reader)]
    public async Task SignInAsync_RoleValues_GivesTheHighestMatchedRoleElseTheDefault(string[] roleValues, string expected)
    {
        var result = await Provisioner().SignInAsync(Identity() with { RoleValues = roleValues }, CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal([expected], _accounts.Single().Roles);
    }

    [Fact]
    public async Task SignInAsync_ConfiguredRoleValuesAndDefault_ReplaceTheDefaults()
    {
        var options = new ExternalSignInOptions { DefaultRole = "editor", RoleValues = new ExternalRoleValues { Admin = ["ManualsAdmins"] } };

        await Provisioner(options).SignInAsync(Identity("oid-1") with { RoleValues = ["Manuals.Admin"] }, CancellationToken.None);
        await Provisioner(options).SignInAsync(Identity("oid-2") with { RoleValues = ["manualsadmins"] }, CancellationToken.None);

        Assert.Equal([Roles.Editor], _accounts.Find("oid-1").Roles);
        Assert.Equal([Roles.Admin], _accounts.Find("oid-2").Roles);
    }

    [Fact]
    public async Task SignInAsync_Groups_GivesEveryMappedDepartmentAndIgnoresUnknownGroups()
    {
        _groups.Add("G-KEIRI", 1);
        _groups.Add("g-keiri", 4);
        _groups.Add("g-jinji", 2);
        _groups.Add("g-soumu", 3);

        await Provisioner().SignInAsync(Identity() with { GroupIds = ["g-keiri", "g-jinji", "g-unknown"] }, CancellationToken.None);

        Assert.Equal([1L, 2L, 4L], _accounts.Single().DepartmentIds);
    }

    [Fact]
    public async Task SignInAsync_FirstSignIn_CreatesUserWithPreferredNameAndProfile()
    {
        var result = await Provisioner().SignInAsync(Identity(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.True(result.Created);
        Assert.False(result.AccessChanged);
        var account = _accounts.Single();
        Assert.Equal("tanaka@corp.example", account.UserName);
        Assert.Equal("TANAKA@CORP.EXAMPLE", account.NormalizedUserName);
        Assert.Equal("田中 太郎", account.DisplayName);
        Assert.Equal("taro.tanaka@corp.example", account.Email);
        Assert.Equal(Now, account.LastSignInAt);
    }

    [Theory]
    [InlineData("田中", "taro.tanaka@corp.example", "taro.tanaka")]
    [InlineData(null, "taro.tanaka@corp.example", "taro.tanaka")]
    [InlineData("田中", "田中@corp.example", "ext-")]
    [InlineData(null, null, "ext-")]
    public async Task SignInAsync_PreferredNameNotAValidUserName_UsesEmailLocalPartElseGeneratedName(string? preferred, string? email, string expectedStart)
    {
        await Provisioner().SignInAsync(Identity() with { PreferredUserName = preferred, Email = email }, CancellationToken.None);

        Assert.StartsWith(expectedStart, _accounts.Single().UserName, StringComparison.Ordinal);
        Assert.Matches(UserNameRules.Pattern, _accounts.Single().UserName);
    }

    [Fact]
    public async Task SignInAsync_PreferredAndFirstGeneratedNamesTaken_TakesTheNextNumberedName()
    {
        _accounts.IsTaken = name => !name.EndsWith("-3", StringComparison.Ordinal);

        var result = await Provisioner().SignInAsync(Identity(), CancellationToken.None);

        Assert.True(result.Created);
        Assert.Matches("^ext-[0-9a-f]{10}-3$", _accounts.Single().UserName);
    }

    [Fact]
    public async Task SignInAsync_EveryNameTaken_ThrowsInsteadOfLinkingToSomeoneElse()
    {
        _accounts.IsTaken = _ => true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Provisioner().SignInAsync(Identity(), CancellationToken.None));

        Assert.Equal(0, _accounts.Count);
    }

    [Fact]
    public async Task SignInAsync_LostTheRaceToAnotherFirstSignIn_SignsInTheUserTheOtherCreated()
    {
        _accounts.BeforeCreate = () => _accounts.Seed(Identity().Login, "tanaka@corp.example", Roles.Editor, []);

        var result = await Provisioner().SignInAsync(Identity(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.False(result.Created);
        Assert.Equal(_accounts.Find("oid-1").UserId, result.UserId);
        Assert.Equal(1, _accounts.Count);
    }

    [Fact]
    public async Task SignInAsync_SecondSignInWithChangedGroupsAndRole_UpdatesAccessAndReportsTheChange()
    {
        _groups.Add("g-keiri", 1);
        _groups.Add("g-jinji", 2);
        var first = await Provisioner().SignInAsync(Identity() with { GroupIds = ["g-keiri"] }, CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(1));

        var second = await Provisioner().SignInAsync(
            Identity() with { GroupIds = ["g-jinji"], RoleValues = ["Manuals.Admin"], Email = "new@corp.example", PreferredUserName = "renamed" },
            CancellationToken.None);

        Assert.Equal(first.UserId, second.UserId);
        Assert.False(second.Created);
        Assert.True(second.AccessChanged);
        var account = _accounts.Single();
        Assert.Equal([2L], account.DepartmentIds);
        Assert.Equal([Roles.Admin], account.Roles);
        Assert.Equal("new@corp.example", account.Email);
        Assert.Equal("tanaka@corp.example", account.UserName);
        Assert.Equal(Now.AddDays(1), account.LastSignInAt);
    }

    [Fact]
    public async Task SignInAsync_GroupsOmittedFromTheToken_KeepsTheDepartmentsAndStillAppliesTheRole()
    {
        _groups.Add("g-keiri", 1);
        _groups.Add("g-jinji", 2);
        await Provisioner().SignInAsync(Identity() with { GroupIds = ["g-keiri", "g-jinji"] }, CancellationToken.None);

        // Too many groups for the token: none listed, only the sign that they were left out.
        var again = await Provisioner().SignInAsync(
            Identity() with { GroupIds = [], GroupsOmitted = true, RoleValues = ["Manuals.Admin"] }, CancellationToken.None);

        Assert.True(again.AccessChanged);
        var account = _accounts.Single();
        Assert.Equal([1L, 2L], account.DepartmentIds);
        Assert.Equal([Roles.Admin], account.Roles);
    }

    [Fact]
    public async Task SignInAsync_SameAccessAgain_ReportsNoChange()
    {
        _groups.Add("g-keiri", 1);
        _groups.Add("g-jinji", 2);
        await Provisioner().SignInAsync(Identity() with { GroupIds = ["g-keiri", "g-jinji"] }, CancellationToken.None);

        var again = await Provisioner().SignInAsync(Identity() with { GroupIds = ["g-jinji", "g-keiri"] }, CancellationToken.None);

        Assert.True(again.Succeeded);
        Assert.False(again.AccessChanged);
    }

    [Fact]
    public async Task SignInAsync_AccessOverriddenByAdmin_KeepsRoleAndDepartmentsButRefreshesProfile()
    {
        _groups.Add("g-keiri", 1);
        var id = _accounts.Seed(Identity().Login, "tanaka@corp.example", Roles.Editor, [5], overridden: true);

        var result = await Provisioner().SignInAsync(
            Identity() with { GroupIds = ["g-keiri"], RoleValues = ["Manuals.Reader"], DisplayName = "田中 花子" }, CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(id, result.UserId);
        Assert.False(result.AccessChanged);
        var account = _accounts.Single();
        Assert.Equal([Roles.Editor], account.Roles);
        Assert.Equal([5L], account.DepartmentIds);
        Assert.Equal("田中 花子", account.DisplayName);
    }

    [Fact]
    public async Task SignInAsync_DisabledUser_RefusedAndNothingChanged()
    {
        _groups.Add("g-keiri", 1);
        var id = _accounts.Seed(Identity().Login, "tanaka@corp.example", Roles.Reader, [], disabled: true);

        var result = await Provisioner().SignInAsync(
            Identity() with { GroupIds = ["g-keiri"], RoleValues = ["Manuals.Admin"], DisplayName = "別名" }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(ExternalSignInRefusal.Disabled, result.Refusal);
        Assert.Equal(id, result.UserId);
        var account = _accounts.Single();
        Assert.Equal([Roles.Reader], account.Roles);
        Assert.Empty(account.DepartmentIds);
        Assert.Equal("seeded", account.DisplayName);
        Assert.Null(account.LastSignInAt);
    }

    [Fact]
    public async Task SignInAsync_SameSubjectOtherIssuer_IsAnotherUser()
    {
        var first = await Provisioner().SignInAsync(Identity(), CancellationToken.None);

        var other = await Provisioner().SignInAsync(Identity() with { Issuer = "tenant-2" }, CancellationToken.None);

        Assert.True(other.Created);
        Assert.NotEqual(first.UserId, other.UserId);
    }

    [Theory]
    [InlineData("", "tenant-1", "oid-1")]
    [InlineData("entra", " ", "oid-1")]
    [InlineData("entra", "tenant-1", "")]
    public async Task SignInAsync_BlankKey_ThrowsAndCreatesNothing(string provider, string issuer, string subject)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Provisioner().SignInAsync(Identity() with { Provider = provider, Issuer = issuer, Subject = subject }, CancellationToken.None));

        Assert.Equal(0, _accounts.Count);
    }

    [Fact]
    public async Task SignInAsync_LongDisplayNameWithControlCharacters_StoredCleanAndCut()
    {
        await Provisioner().SignInAsync(Identity() with { DisplayName = "\u0007" + new string('名', 120) + "\n" }, CancellationToken.None);

        Assert.Equal(new string('名', 100), _accounts.Single().DisplayName);
    }

    private readonly ManualClock _clock = new(Now);

    private ExternalAccountProvisioner Provisioner(ExternalSignInOptions? options = null) =>
        new(_accounts, _groups, options ?? new ExternalSignInOptions(), _clock);

    private static ExternalIdentity Identity(string subject = "oid-1") =>
        new("entra", "tenant-1", subject, "田中 太郎", "taro.tanaka@corp.example", "tanaka@corp.example", ["Manuals.Editor"], []);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
