namespace Manuals.Browser.Tests.Pages;

/// <summary><c>/approvals/{id}</c>: a request (承認申請) with its stages, the diff, 承認する / 差し戻す and 申請を取り下げる.</summary>
public sealed class ApprovalRequestPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Flash => page.GetByRole(AriaRole.Status);

    public ILocator Stages => page.GetByRole(AriaRole.Region, new() { Name = "承認の進み具合" });

    /// <summary>第n段階 in the progress list: who approves it and where it stands.</summary>
    public ILocator Stage(int number) => Stages.GetByRole(AriaRole.Listitem).Nth(number - 1);

    public ILocator Diff => page.Locator("table.diff");

    public ILocator SentBackNote => page.Locator(".approval-comment");

    public ILocator Comment => page.GetByLabel("差し戻しのコメント", new() { Exact = true });

    public ILocator ApproveButton => page.GetByRole(AriaRole.Button, new() { Name = "承認する", Exact = true });

    public ILocator SendBackButton => page.GetByRole(AriaRole.Button, new() { Name = "差し戻す", Exact = true });

    public ILocator Errors => page.Locator(".field-error");

    public static async Task<ApprovalRequestPage> ShownAsync(IPage page, string manualTitle)
    {
        var request = new ApprovalRequestPage(page);
        await Expect(request.Heading).ToHaveTextAsync($"「{manualTitle}」の承認申請");
        return request;
    }
}
