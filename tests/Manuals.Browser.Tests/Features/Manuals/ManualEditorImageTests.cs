using System.Text.RegularExpressions;
using Manuals.Browser.Tests.Infrastructure;
using Manuals.Browser.Tests.Pages;

namespace Manuals.Browser.Tests.Features.Manuals;

/// <summary>
/// Screenshots in the editor: paste, drop and 画像 → scale → upload to the real image server → Markdown at the caret →
/// preview, which loads the stored image back from the server.
/// </summary>
[Collection(BrowserCollectionDefinition.Name)]
public sealed class ManualEditorImageTests(BrowserFixture browser)
{
    /// <summary>The classic 1×1 GIF.</summary>
    private static readonly byte[] TinyGif = Convert.FromBase64String("R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs=");

    // Statements for the page: makeFile draws a test screenshot on a canvas and returns it as a File.
    private const string MakeFileScript = """
        const makeFile = async ({ width, height, name, type }) => {
          const canvas = document.createElement('canvas');
          canvas.width = width;
          canvas.height = height;
          const g = canvas.getContext('2d');
          g.fillStyle = '#eef4fb';
          g.fillRect(0, 0, width, height);
          g.fillStyle = '#1d4e89';
          g.fillRect(0, 0, width, Math.round(height / 8));
          g.fillStyle = '#1f2933';
          g.font = `${Math.round(height / 10)}px sans-serif`;
          g.fillText('請求書の登録画面', Math.round(width / 20), Math.round(height / 2));
          const blob = await new Promise((resolve) => canvas.toBlob(resolve, type, 0.9));
          return new File([blob], name, { type });
        };
        """;

    [Fact]
    public async Task PasteScreenshot_LargerThan1920_IsScaledUploadedAndShownInThePreview()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor) = await OpenEditorAsync(context);
        await editor.Body.FillAsync("## 手順\n1. 請求書の登録画面を開きます。\n");
        await editor.CaretToEndAsync();

        await PasteAsync(editor, width: 3000, height: 1500);

        await Expect(editor.Body).ToHaveValueAsync(new Regex(@"1\. 請求書の登録画面を開きます。\n!\[スクリーンショット\]\(/images/[0-9a-f]{64}\)$"));
        var image = editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "スクリーンショット" });
        await Expect(image).ToBeVisibleAsync();
        var size = await StoredSizeAsync(image);
        Assert.Equal((1920, 960), (size[0], size[1]));
        await Expect(editor.Status).ToHaveTextAsync("画像を挿入しました。");
        await Screenshots.SaveAsync(page, "editor-image-pasted");
    }

    [Fact]
    public async Task ChooseAndDrop_SeveralImages_EachLandsAtTheCaretWithItsFileName()
    {
        await using var context = await browser.NewContextAsync();
        var (page, editor) = await OpenEditorAsync(context);
        await editor.Body.FillAsync("## 手順\n");
        await editor.CaretToEndAsync();
        var small = await FileBytesAsync(editor, 400, 200, "image/png");
        var photo = await FileBytesAsync(editor, 2400, 1800, "image/jpeg");

        var chooser = await page.RunAndWaitForFileChooserAsync(() => editor.ToolbarButton("画像").ClickAsync());
        Assert.True(chooser.IsMultiple);
        await chooser.SetFilesAsync(
        [
            new FilePayload { Name = "請求書一覧.png", MimeType = "image/png", Buffer = small },
            new FilePayload { Name = "承認画面.jpg", MimeType = "image/jpeg", Buffer = photo },
        ]);

        await Expect(editor.Body).ToHaveValueAsync(new Regex(@"^## 手順\n!\[請求書一覧\]\(/images/[0-9a-f]{64}\)\n!\[承認画面\]\(/images/[0-9a-f]{64}\)$"));
        Assert.Equal(400, (await StoredSizeAsync(editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "請求書一覧" })))[0]);
        Assert.Equal(1440, (await StoredSizeAsync(editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "承認画面" })))[1]);

        await editor.CaretToEndAsync();
        await DropAsync(editor, TinyGif, "操作の流れ.gif", "image/gif");

        await Expect(editor.Body).ToHaveValueAsync(new Regex(@"!\[操作の流れ\]\(/images/[0-9a-f]{64}\)$"));
        Assert.Equal(1, (await StoredSizeAsync(editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "操作の流れ" })))[0]);
        await Expect(editor.LivePreview.GetByRole(AriaRole.Img)).ToHaveCountAsync(3);
        Assert.Equal(1920, (await StoredSizeAsync(editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "承認画面" })))[0]);
    }

    [Fact]
    public async Task Drop_AnimatedWebP_IsUploadedAsItIsAndKeepsItsFrames()
    {
        await using var context = await browser.NewContextAsync();
        var (_, editor) = await OpenEditorAsync(context);
        await editor.Body.FillAsync("## 手順\n");
        await editor.CaretToEndAsync();

        await DropAsync(editor, AnimatedWebp(320, 180), "申請の流れ.webp", "image/webp");

        await Expect(editor.Body).ToHaveValueAsync(new Regex(@"!\[申請の流れ\]\(/images/[0-9a-f]{64}\)$"));
        var image = editor.LivePreview.GetByRole(AriaRole.Img, new() { Name = "申請の流れ" });
        Assert.Equal(320, (await StoredSizeAsync(image))[0]);
        var stored = await image.EvaluateAsync<int[]>(
            "async (shown) => Array.from(new Uint8Array(await (await fetch(shown.getAttribute('src'))).arrayBuffer()))");
        using var frames = new ImageMagick.MagickImageCollection(
            stored.Select(b => (byte)b).ToArray(), new ImageMagick.MagickReadSettings { Format = ImageMagick.MagickFormat.WebP });
        Assert.Equal(3, frames.Count);
    }

    [Fact]
    public async Task Upload_RefusedOrUnusable_RemovesThePlaceholderAndSaysWhy()
    {
        await using var context = await browser.NewContextAsync();
        var (_, editor) = await OpenEditorAsync(context);
        await editor.Body.FillAsync("## 手順\n");
        await editor.CaretToEndAsync();

        // A GIF is uploaded as it is; the server finds HTML hidden after its end and refuses it.
        await DropAsync(editor, [.. TinyGif, .. "<script>alert(1)</script>"u8.ToArray()], "埋め込み.gif", "image/gif");

        await Expect(editor.Status).ToContainTextAsync("「埋め込み.gif」をアップロードできませんでした。");
        await Expect(editor.Body).ToHaveValueAsync("## 手順\n");

        // A GIF is never re-encoded (it may be animated), so one wider than 1920 px is refused before uploading.
        var wideGif = (byte[])TinyGif.Clone();
        wideGif[6] = 2000 & 0xFF;
        wideGif[7] = 2000 >> 8;
        await DropAsync(editor, wideGif, "画面遷移.gif", "image/gif");
        await Expect(editor.Status).ToContainTextAsync("アニメーション画像「画面遷移.gif」は縦横とも 1920 px 以内にしてください。");

        // The same for an animated WebP: a canvas copy would keep only its first frame.
        await DropAsync(editor, AnimatedWebp(2000, 40), "画面遷移.webp", "image/webp");
        await Expect(editor.Status).ToContainTextAsync("アニメーション画像「画面遷移.webp」は縦横とも 1920 px 以内にしてください。");

        await DropAsync(editor, "<svg onload=alert(1)>"u8.ToArray(), "図.svg", "image/svg+xml");
        await Expect(editor.Status).ToHaveTextAsync("「図.svg」は画像として使えません。PNG・JPEG・GIF・WebP のファイルを選んでください。");
        await Expect(editor.Body).ToHaveValueAsync("## 手順\n");
    }

    /// <summary>An animated WebP of three frames of different colours, made by ImageMagick.</summary>
    private static byte[] AnimatedWebp(int width, int height)
    {
        Assert.True(global::Manuals.Core.Images.ImageMagickSetup.IsAvailable);
        using var frames = new ImageMagick.MagickImageCollection();
        foreach (var red in new byte[] { 240, 120, 0 })
        {
            var pixels = Enumerable.Range(0, width * height).SelectMany(_ => new[] { red, (byte)90, (byte)170, (byte)255 }).ToArray();
            var frame = new ImageMagick.MagickImage(
                pixels, new ImageMagick.PixelReadSettings((uint)width, (uint)height, ImageMagick.StorageType.Char, ImageMagick.PixelMapping.RGBA))
            {
                AnimationDelay = 50,
            };
            frame.Settings.SetDefine(ImageMagick.MagickFormat.WebP, "lossless", true);
            frames.Add(frame);
        }

        return frames.ToByteArray(ImageMagick.MagickFormat.WebP);
    }

    private static async Task<(IPage Page, ManualEditor Editor)> OpenEditorAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await (await SignInPage.OpenAsync(page)).SignInAsync(ManualsAppFactory.AdminUserName, ManualsAppFactory.AdminPassword);
        await ManualNewPage.OpenAsync(page);
        return (page, await ManualEditor.ReadyAsync(page));
    }

    /// <summary>Pastes a drawn screenshot (named image.png by the clipboard) into the body.</summary>
    /// <summary>
    /// The stored picture's own size (its <c>src</c>): the page shows it at the width its column needs (<c>srcset</c>), so
    /// the element's naturalWidth is not the upload's.
    /// </summary>
    private static async Task<int[]> StoredSizeAsync(ILocator image)
    {
        await Expect(image).ToBeVisibleAsync();
        return await image.EvaluateAsync<int[]>(
            "async (shown) => { const full = new Image(); full.src = shown.getAttribute('src'); await full.decode(); return [full.naturalWidth, full.naturalHeight]; }");
    }

    private static async Task PasteAsync(ManualEditor editor, int width, int height) =>
        await editor.Body.EvaluateAsync(
            "async (area, size) => {\n" + MakeFileScript + """
              const data = new DataTransfer();
              data.items.add(await makeFile({ ...size, name: 'image.png', type: 'image/png' }));
              area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """,
            new { width, height });

    private static async Task<byte[]> FileBytesAsync(ManualEditor editor, int width, int height, string type)
    {
        var base64 = await editor.Body.EvaluateAsync<string>(
            "async (area, options) => {\n" + MakeFileScript + """
              const file = await makeFile({ ...options, name: 'x' });
              const bytes = new Uint8Array(await file.arrayBuffer());
              return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
            }
            """,
            new { width, height, type });
        return Convert.FromBase64String(base64);
    }

    private static async Task DropAsync(ManualEditor editor, byte[] bytes, string name, string type) =>
        await editor.Body.EvaluateAsync(
            """
            (area, file) => {
              const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
              const data = new DataTransfer();
              data.items.add(new File([bytes], file.name, { type: file.type }));
              area.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
              area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
            }
            """,
            new { base64 = Convert.ToBase64String(bytes), name, type });
}
