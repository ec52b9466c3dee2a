using System.Text;

namespace Manuals.Core.Tests.Manuals.Editing;

/// <summary>Random Markdown documents for the editor's round-trip properties.</summary>
internal static class GeneratedManuals
{
    /// <summary>A document of random blocks, including headings hidden in other blocks, setext headings and CRLF.</summary>
    public static string Generate(Random random)
    {
        string[] blocks =
        [
            "## 目的\n", "## 手順\n", "## 手順（画面操作）\n", "# 大見出し\n", "### 小見出し\n", "関連情報\n--------\n",
            "本文です。**太字**と[リンク](https://example.com)。\n", "- 箇条書き\n- 二つ目\n", "- [ ] チェック\n",
            "1. **手順一** — 説明します。\n2. 二つ目\n   続きの行\n", "1) 括弧の番号\n2) 二つ目\n", "3. 途中から\n\n4. 空行で離れた項目\n",
            "10. 二桁\n    続き\n", "1. 入れ子\n   1. 内側\n   2. 内側二\n", "```\n## コード\n1. コード\n```\n",
            ":::warning\n## 注意の中\n1. 注意の中のリスト\n:::\n", "> ## 引用\n> 1. 引用のリスト\n", "| 列 | 列 |\n|---|---|\n| 1 | 2 |\n",
            "    ## インデントされたコード\n", "\n", "\n\n", "   ## 三つの空白\n", "1. 遅延\n続きの行（遅延継続）\n", "\t1. タブ\n",
        ];
        var builder = new StringBuilder();
        var count = random.Next(0, 14);
        for (var i = 0; i < count; i++)
        {
            builder.Append(blocks[random.Next(blocks.Length)]);
            if (random.Next(3) > 0)
            {
                builder.Append('\n');
            }
        }

        var text = builder.ToString();
        if (random.Next(4) == 0)
        {
            text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        }

        return random.Next(4) == 0 ? text.TrimEnd('\n', '\r') : text;
    }
}
