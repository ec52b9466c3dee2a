using Manuals.Core.Accounts;
using Manuals.Core.Departments;
using Manuals.Web.Tests.Infrastructure;
using Manuals.Web.Tests.Infrastructure.OpenId;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Accounts;

/// <summary>
/// The app with both company sign-ins on: Microsoft Entra ID (through Microsoft.Identity.Web) against an Entra-style test
/// provider, and a generic OpenID Connect provider with its own claim names. Group <see cref="GeneralAffairsGroup"/>
/// maps to 総務 and <see cref="AccountingGroup"/> to 経理・財務, as an admin would set them.
/// </summary>
public sealed class CompanySignInFixture : IAsyncLifetime
{
    public const string TenantId = "11111111-2222-4333-8444-555555555555";
    public const string GeneralAffairsGroup = "6f0c1c7e-0000-4000-8000-00000000a001";
    public const string AccountingGroup = "6f0c1c7e-0000-4000-8000-00000000a002";

    public TestOpenIdProvider Entra { get; } = new(TenantId);

    public TestOpenIdProvider Generic { get; } = new();

    public ManualsAppFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        await Entra.StartAsync();
        await Generic.StartAsync();
        App.Settings["AzureAd:Instance"] = Entra.BaseUri.AbsoluteUri;
        App.Settings["AzureAd:TenantId"] = TenantId;
        App.Settings["AzureAd:ClientId"] = Entra.ClientId;
        App.Settings["AzureAd:ClientSecret"] = Entra.ClientSecret!;
        App.Settings["Oidc:DisplayName"] = "テスト IdP";
        App.Settings["Oidc:Authority"] = Generic.Issuer;
        App.Settings["Oidc:ClientId"] = Generic.ClientId;
        App.Settings["Oidc:ClientSecret"] = Generic.ClientSecret!;
        // This provider names things its own way: the person's id is in "employee_id", the groups in "teams".
        App.Settings["Oidc:Claims:Subject"] = "employee_id";
        App.Settings["Oidc:Claims:Groups"] = "teams";

        await using var scope = App.Services.CreateAsyncScope();
        var departments = await scope.ServiceProvider.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        var mappings = scope.ServiceProvider.GetRequiredService<IDirectoryGroupMappingStore>();
        await mappings.AddAsync(GeneralAffairsGroup, "総務部 全員", departments.Single(d => d.Name == "総務").Id, DateTimeOffset.UtcNow, CancellationToken.None);
        await mappings.AddAsync(AccountingGroup, "経理部 全員", departments.Single(d => d.Name == "経理・財務").Id, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    /// <summary>A fresh browser (no cookies) that walks redirects across the app and <paramref name="provider"/>.</summary>
    public OpenIdRedirects Browser(TestOpenIdProvider provider, out HttpClient app)
    {
        ArgumentNullException.ThrowIfNull(provider);
        app = App.CreateBrowserlikeClient();
        return new OpenIdRedirects(app, provider.CreateClient());
    }

    /// <summary>The user linked to nobody but found by display name (names are unique in these tests).</summary>
    public async Task<UserSummary?> UserNamedAsync(string displayName)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().ListAsync(CancellationToken.None);
        return users.SingleOrDefault(u => u.DisplayName == displayName);
    }

    public async Task<long> DepartmentIdAsync(string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var departments = await scope.ServiceProvider.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None);
        return departments.Single(d => d.Name == name).Id;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Entra.DisposeAsync();
        await Generic.DisposeAsync();
    }
}
