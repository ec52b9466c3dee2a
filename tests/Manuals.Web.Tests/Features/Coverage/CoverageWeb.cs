using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Manuals.Core.Coverage;
using Manuals.Core.Manuals;
using Manuals.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>Helpers for the coverage web tests: CSV uploads, store lookups and the sample company's ids.</summary>
internal static class CoverageWeb
{
    static CoverageWeb() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding ShiftJis => Encoding.GetEncoding(932);

    /// <summary>Uploads a CSV file to <c>/coverage/import</c> like the form does (multipart, antiforgery token).</summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Document)> UploadAsync(
        WebSession session, string kind, byte[] file, string intent = "dry-run", string fileName = "upload.csv")
    {
        var token = await session.TokenFromAsync("/coverage/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(kind), "Kind" },
            { new StringContent(intent), "Intent" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "File", fileName);
        var response = await session.Client.PostAsync(new Uri("/coverage/import", UriKind.Relative), content);
        return (response, await WebSession.ParseAsync(response));
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Errors(IHtmlDocument document) =>
        string.Join("\n", document.QuerySelectorAll(".import-errors li").Select(li => li.TextContent.Trim()));

    public static async Task<BusinessTask> TaskAsync(ManualsAppFactory factory, string name) =>
        (await factory.Services.GetRequiredService<IBusinessTaskStore>().ListAsync(null, CancellationToken.None)).Single(t => t.Name == name);

    /// <summary>Records a review of the manual titled <paramref name="title"/> at the test app's present time.</summary>
    public static async Task MarkReviewedAsync(ManualsAppFactory factory, string title)
    {
        var manuals = factory.Services.GetRequiredService<IManualStore>();
        var id = (await manuals.ListAsync(null, CancellationToken.None)).Single(m => m.Title == title).Id;
        Assert.True(await manuals.MarkReviewedAsync(id, null, factory.Clock.GetUtcNow(), CancellationToken.None));
    }

    public static async Task<Employee> EmployeeAsync(ManualsAppFactory factory, string name) =>
        (await factory.Services.GetRequiredService<IEmployeeStore>().ListAsync(null, CancellationToken.None)).Single(e => e.Name == name);

    public static async Task<SkillCell> CellAsync(ManualsAppFactory factory, long employeeId, long taskId) =>
        (await factory.Services.GetRequiredService<ISkillMatrixStore>().ListCellsAsync(null, CancellationToken.None))
            .FirstOrDefault(c => c.EmployeeId == employeeId && c.TaskId == taskId)
        ?? new SkillCell(employeeId, taskId, SkillLevel.None, AssignmentRole.None);

    public static async Task<int> TaskCountAsync(ManualsAppFactory factory) =>
        await factory.Services.GetRequiredService<IBusinessTaskStore>().CountAsync(CancellationToken.None);

    public static async Task<int> EmployeeCountAsync(ManualsAppFactory factory) =>
        await factory.Services.GetRequiredService<IEmployeeStore>().CountAsync(CancellationToken.None);

    public static async Task<int> ChangeCountAsync(ManualsAppFactory factory) =>
        (await factory.Services.GetRequiredService<ISkillMatrixStore>().ListChangesAsync(null, null, null, 100_000, CancellationToken.None)).Count;
}
