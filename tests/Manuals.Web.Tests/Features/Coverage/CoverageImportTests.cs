using System.Net;
using System.Text;
using Manuals.Core.Accounts;
using Manuals.Web.Tests.Infrastructure;
using static Manuals.Web.Tests.Features.Coverage.CoverageWeb;

namespace Manuals.Web.Tests.Features.Coverage;

/// <summary>
/// CSV import: every bad row is listed with its line, column and a Japanese reason, and a file with any problem writes
/// nothing; UTF-8 and Shift_JIS are read, other encodings refused; exports are UTF-8 with BOM and import back unchanged.
/// </summary>
public sealed class CoverageImportTests(ManualsAppFactory factory) : IClassFixture<ManualsAppFactory>
{
    private Task<WebSession> AdminAsync() => WebSession.SignInAsync(factory, "admin", ManualsAppFactory.AdminPassword);

    [Theory]
    [InlineData("dry-run")]
    [InlineData("import")]
    public async Task Import_TasksWithBadRows_ListsEveryErrorAndWritesNothing(string intent)
    {
        var admin = await AdminAsync();
        var before = await TaskCountAsync(factory);
        var csv = """
            部署,業務名,頻度,重要度,説明
            経理・財務,検証用の業務A,毎日々,高,説明
            営業部,検証用の業務B,毎月,中,
            総務,,毎週,低,
            総務,検証用の業務C,毎週,最高,
            総務,検証用の業務C,毎週,低,
            総務,検証用の業務D,毎週,低,
            """;

        var (response, document) = await UploadAsync(admin, "Tasks", Utf8(csv), intent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(document);
        Assert.Contains("2行目「頻度」: 「毎日々」は頻度として使えません。毎日・毎週・毎月・四半期・毎年・随時 のいずれかを入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("3行目「部署」: 「営業部」という部署はありません。経理・財務、人事・労務、総務、法務、情報システム、広報、一般事務 のいずれかを入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("4行目「業務名」: 業務名を入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("5行目「重要度」: 「最高」は重要度として使えません。", errors, StringComparison.Ordinal);
        Assert.Contains("6行目「業務名」: 「検証用の業務C」は5行目と重複しています。", errors, StringComparison.Ordinal);
        Assert.Equal(5, document.QuerySelectorAll(".import-errors li").Length);
        Assert.Contains("5件の問題があるため、何も取り込んでいません。", document.QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await TaskCountAsync(factory));
    }

    [Fact]
    public async Task Import_Utf16File_RefusedWithEncodingMessage()
    {
        var admin = await AdminAsync();
        var before = await EmployeeCountAsync(factory);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("部署,氏名,在籍状況\r\n総務,文字化け 太郎,在籍\r\n")).ToArray();

        var (response, document) = await UploadAsync(admin, "Employees", bytes, "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("文字コードを判別できません。UTF-8 または Shift_JIS のCSVとして保存し直してください", Errors(document), StringComparison.Ordinal);
        Assert.Equal(before, await EmployeeCountAsync(factory));
    }

    [Fact]
    public async Task Import_ShiftJisEmployees_DryRunThenImportTheCheckedFile()
    {
        var admin = await AdminAsync();
        var csv = "部署,氏名,メールアドレス,在籍状況,日付\r\n法務,髙橋 一二三,h.takahashi@sample-shoji.co.jp,退職予定,2027/3/31\r\n";

        var (dryRun, checkedPage) = await UploadAsync(admin, "Employees", ShiftJis.GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var notice = checkedPage.QuerySelector(".import-result .notice")!.TextContent;
        Assert.Contains("問題は見つかりませんでした。取り込むと、1行のうち新規 1件", notice, StringComparison.Ordinal);
        Assert.Contains("文字コード: Shift_JIS", notice, StringComparison.Ordinal);
        Assert.Null(await TryEmployeeAsync("髙橋 一二三"));

        var form = (AngleSharp.Html.Dom.IHtmlFormElement)checkedPage.QuerySelector(".import-result form")!;
        var fields = WebSession.FormFields(form);
        fields["Intent"] = "import";
        var imported = await admin.PostAsync("/coverage/import", fields);

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("取り込みました。", (await WebSession.ParseAsync(imported)).QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        var employee = await EmployeeAsync(factory, "髙橋 一二三");
        Assert.Equal(new DateOnly(2027, 3, 31), employee.StatusDate);
        Assert.Equal("h.takahashi@sample-shoji.co.jp", employee.Email);
    }

    [Fact]
    public async Task Import_DuplicateAndUnknownNamesInMatrix_ListedAndNothingWritten()
    {
        var admin = await AdminAsync();
        var changes = await ChangeCountAsync(factory);
        var csv = """
            部署,業務名,氏名,習熟度,担当区分
            経理・財務,入金消込,前田 浩二,2,副担当
            経理・財務,入金消込,前田　浩二,3,主担当
            経理・財務,存在しない業務,前田 浩二,2,
            経理・財務,入金消込,存在 しない人,2,
            経理・財務,請求書の発行,小川 真由美,5,正担当
            """;

        var (response, document) = await UploadAsync(admin, "Matrix", Utf8(csv), "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(document);
        Assert.Contains("3行目「氏名」: 「前田 浩二」は2行目と重複しています。", errors, StringComparison.Ordinal);
        Assert.Contains("4行目「業務名」: 「経理・財務」に「存在しない業務」という業務はありません。", errors, StringComparison.Ordinal);
        Assert.Contains("5行目「氏名」: 「存在 しない人」という担当者はいません。", errors, StringComparison.Ordinal);
        Assert.Contains("6行目「習熟度」: 「5」は習熟度として使えません。0〜3の数字を入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("6行目「担当区分」: 「正担当」は担当区分として使えません。", errors, StringComparison.Ordinal);
        Assert.Equal(changes, await ChangeCountAsync(factory));
    }

    [Fact]
    public async Task Import_DuplicateEmployeeNamesAndBadValues_ListedAndNothingWritten()
    {
        var admin = await AdminAsync();
        var before = await EmployeeCountAsync(factory);
        var csv = """
            部署,氏名,メールアドレス,在籍状況,日付
            総務,検証 花子,hanako@example,在籍,
            総務,検証 花子,,在籍,
            総務,検証 次郎,,退職予定,
            総務,検証 三郎,,休職,
            総務,検証 四郎,,異動予定,来月
            """;

        var (response, document) = await UploadAsync(admin, "Employees", Utf8(csv), "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = Errors(document);
        Assert.Contains("2行目「メールアドレス」: メールアドレスの形式が正しくありません。", errors, StringComparison.Ordinal);
        Assert.Contains("3行目「氏名」: 「検証 花子」は2行目と重複しています。", errors, StringComparison.Ordinal);
        Assert.Contains("4行目「日付」: 異動・退職の日付を入力してください。", errors, StringComparison.Ordinal);
        Assert.Contains("5行目「在籍状況」: 「休職」は在籍状況として使えません。", errors, StringComparison.Ordinal);
        Assert.Contains("6行目「日付」: 「来月」は日付として読めません。", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("6行目「日付」: 異動・退職の日付を入力してください。", errors, StringComparison.Ordinal);
        Assert.Equal(before, await EmployeeCountAsync(factory));
    }

    [Theory]
    [InlineData("部署,業務名,重要度\n総務,A,高\n", "1行目「頻度」: 見出し行に「頻度」の列がありません。")]
    [InlineData("部署,業務名,頻度,重要度\n", "見出し行のほかにデータ行がありません。")]
    [InlineData("部署,業務名,頻度,重要度\n総務,\"閉じない,毎週,低\n", "2行目: 「\"」で始まった値が閉じられていません。")]
    public async Task Import_BrokenFile_ExplainedAndNothingWritten(string csv, string message)
    {
        var admin = await AdminAsync();
        var before = await TaskCountAsync(factory);

        var (response, document) = await UploadAsync(admin, "Tasks", Utf8(csv), "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, Errors(document), StringComparison.Ordinal);
        Assert.Equal(before, await TaskCountAsync(factory));
    }

    [Fact]
    public async Task Import_NoFile_AsksForOne()
    {
        var admin = await AdminAsync();
        var token = await admin.TokenFromAsync("/coverage/import");

        var response = await admin.PostAsync("/coverage/import", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Kind"] = "Tasks",
            ["Intent"] = "import",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("CSVファイルを選んでください。", (await WebSession.ParseAsync(response)).QuerySelector(".form-errors")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_EditorRowsOfOtherDepartment_RefusedAndNothingWritten()
    {
        await factory.CreateUserAsync("editor.somu.csv", Roles.Editor, "総務");
        var editor = await WebSession.SignInAsync(factory, "editor.somu.csv", ManualsAppFactory.UserPassword);
        var before = await TaskCountAsync(factory);
        var csv = "部署,業務名,頻度,重要度\n総務,検証用の総務業務,毎週,低\n経理・財務,検証用の経理業務,毎月,高\n";

        var (response, document) = await UploadAsync(editor, "Tasks", Utf8(csv), "import");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("3行目「部署」: 「経理・財務」の業務・担当者を変更する権限がありません。", Errors(document), StringComparison.Ordinal);
        Assert.Equal(before, await TaskCountAsync(factory));
    }

    [Fact]
    public async Task Import_Reader_Gets403()
    {
        await factory.CreateUserAsync("reader.csv", Roles.Reader, "総務");
        var reader = await WebSession.SignInAsync(factory, "reader.csv", ManualsAppFactory.UserPassword);

        var (page, _) = await reader.GetAsync("/coverage/import");

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Theory]
    [InlineData("tasks", "部署,業務名,説明,頻度,時期,重要度,マニュアル", 120)]
    [InlineData("employees", "部署,氏名,メールアドレス,在籍状況,日付,ユーザー名", 59)]
    [InlineData("matrix", "部署,業務名,氏名,習熟度,担当区分", 397)]
    public async Task Export_Utf8WithBom_ImportsBackUnchanged(string kind, string header, int rows)
    {
        // A fresh app of its own: other tests in this class add rows.
        await using var own = new ManualsAppFactory();
        var admin = await WebSession.SignInAsync(own, "admin", ManualsAppFactory.AdminPassword);

        var response = await admin.Client.GetAsync(new Uri($"/coverage/export/{kind}.csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(header, lines[0]);
        Assert.Equal(rows + 1, lines.Length);

        var kindName = kind switch { "tasks" => "Tasks", "employees" => "Employees", _ => "Matrix" };
        var (check, document) = await UploadAsync(admin, kindName, bytes);
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains($"{rows}行のうち新規 0件・更新 0件・変更なし {rows}件", document.QuerySelector(".import-result .notice")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<Core.Coverage.Employee?> TryEmployeeAsync(string name)
    {
        try
        {
            return await EmployeeAsync(factory, name);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
