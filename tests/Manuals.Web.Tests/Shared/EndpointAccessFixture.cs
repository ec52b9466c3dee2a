using System.Globalization;
using System.Net;
using Manuals.Core.Accounts;
using Manuals.Core.Coverage;
using Manuals.Core.Departments;
using Manuals.Core.Images;
using Manuals.Core.Manuals;
using Manuals.Core.Search;
using Manuals.Core.Templates;
using Manuals.Web.Features.Coverage;
using Manuals.Web.Tests.Features.Images;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Shared;

/// <summary>
/// One app for the whole endpoint table: a user per role, each signed in once (with an antiforgery token taken from a
/// page that role sees), and the objects of department A the table's routes point at.
/// </summary>
public sealed class EndpointAccessFixture : IAsyncLifetime
{
    public const string DepartmentA = "総務";
    public const string DepartmentB = "経理・財務";

    private static readonly Dictionary<AccessRole, string> UserNames = new()
    {
        [AccessRole.ReaderOfA] = "endpoint.reader.a",
        [AccessRole.EditorOfA] = "endpoint.editor.a",
        [AccessRole.EditorOfB] = "endpoint.editor.b",
        [AccessRole.Admin] = "admin",
    };

    private readonly Dictionary<AccessRole, Visitor> _visitors = [];

    /// <summary>
    /// The app, with PDF printing pointed at no Chromium: a PDF route answers 503 right after its access check instead
    /// of spending seconds printing (<c>HandoverPdfTests</c> print real ones).
    /// </summary>
    public ManualsAppFactory Factory { get; } = new() { Settings = { ["Pdf:Chromium"] = "/nonexistent/chromium-for-endpoint-tests" } };

    public EndpointIds Ids { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Factory.CreateUserAsync(UserNames[AccessRole.ReaderOfA], Roles.Reader, DepartmentA);
        await Factory.CreateUserAsync(UserNames[AccessRole.EditorOfA], Roles.Editor, DepartmentA);
        await Factory.CreateUserAsync(UserNames[AccessRole.EditorOfB], Roles.Editor, DepartmentB);
        var user = await Factory.CreateUserAsync("endpoint.target", Roles.Reader, DepartmentB);
        foreach (var role in Enum.GetValues<AccessRole>())
        {
            _visitors[role] = await SignInAsync(role);
        }

        var services = Factory.Services;
        await services.GetRequiredService<Manuals.Web.Features.Search.SearchIndexingService>().CaughtUp;
        var departmentA = (await services.GetRequiredService<IDepartmentStore>().ListAsync(CancellationToken.None)).Single(d => d.Name == DepartmentA).Id;
        var image = await services.GetRequiredService<ImageService>().UploadAsync(null, TestPng.Create(seed: 811), CancellationToken.None);
        Assert.True(image.IsAccepted);
        var manual = await CreateRestrictedManualAsync(services.GetRequiredService<IManualStore>(), departmentA, image.Image.Sha256);
        var publicManual = (await services.GetRequiredService<IManualStore>().ListAsync(departmentA, CancellationToken.None)).Single(m => m.Title == "備品・消耗品の発注手順");
        var task = await TaskAsync(Factory, "備品・消耗品の発注");
        var employee = await EmployeeAsync(Factory, "竹内 久美子");
        var cell = await CellAsync(Factory, employee.Id, task.Id);
        var templates = services.GetRequiredService<ITemplateStore>();
        var template = await templates.FindByNameAsync("業務手順書", CancellationToken.None);
        var retirable = await templates.FindByNameAsync("チェックリスト型", CancellationToken.None);
        var synonym = await services.GetRequiredService<ISynonymStore>().AddAsync(["端点", "エンドポイント"], CancellationToken.None);

        var admin = _visitors[AccessRole.Admin].Session;
        var (search, _) = await admin.GetAsync("/search?q=" + Uri.EscapeDataString("存在しない手順ぞなもし"));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        var missed = (await services.GetRequiredService<IMissedSearchStore>().ListAsync(CancellationToken.None)).Single();

        Ids = new EndpointIds(
            departmentA,
            manual,
            publicManual.Id,
            task.Id,
            employee.Id,
            MatrixCellCode.Format(cell),
            await StartHandoverAsync(admin, (await EmployeeAsync(Factory, "小野 達也")).Id),
            image.Image.Sha256,
            template!.Id,
            retirable!.Id,
            user,
            synonym,
            missed.Id);
    }

    /// <summary>The role's signed-in session and its antiforgery token; <paramref name="fresh"/> signs in anew (for sign-out).</summary>
    public async Task<(WebSession Session, string Token)> VisitorAsync(AccessRole role, bool fresh)
    {
        var visitor = fresh ? await SignInAsync(role) : _visitors[role];
        return (visitor.Session, visitor.Token);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    private async Task<Visitor> SignInAsync(AccessRole role)
    {
        if (role == AccessRole.Anonymous)
        {
            var anonymous = new WebSession(Factory.CreateBrowserlikeClient());
            return new Visitor(anonymous, await anonymous.TokenFromAsync("/account/sign-in"));
        }

        var password = role == AccessRole.Admin ? ManualsAppFactory.AdminPassword : ManualsAppFactory.UserPassword;
        var session = await WebSession.SignInAsync(Factory, UserNames[role], password);
        return new Visitor(session, await session.TokenFromAsync("/"));
    }

    private static async Task<long> CreateRestrictedManualAsync(IManualStore store, long departmentId, string imageSha256)
    {
        var author = new Author(null, "admin");
        var body = "## 目的\n\n来客用の会議室を準備します。\n\n## 手順\n\n1. **予約を確認する** — 予約表を見ます。\n2. **鍵を借りる** — 受付で借ります。\n\n"
            + $"![会議室の予約画面](/images/{imageSha256})\n";
        var draft = new ManualDraft("会議室の準備（総務限定）", departmentId, ManualVisibility.Department, ManualStatus.Published, null, ["会議室"], body, "");
        var id = await store.CreateAsync(draft, author, null, DateTimeOffset.UtcNow, CancellationToken.None);
        Assert.True(await store.TryUpdateAsync(id, 1, draft with { Body = body + "\n追記です。\n", ChangeNote = "追記" }, author, DateTimeOffset.UtcNow, CancellationToken.None));
        return id;
    }

    private async Task<long> StartHandoverAsync(WebSession admin, long employeeId)
    {
        var response = await admin.SubmitAsync(
            $"/handovers/new?employee={employeeId}",
            "form[action='/handovers/new'][method=post]",
            new()
            {
                ["Reason"] = "Transfer",
                ["ManagerName"] = "松田 康弘",
                ["EffectiveDate"] = Factory.Clock.GetUtcNow().AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    private sealed record Visitor(WebSession Session, string Token);
}
