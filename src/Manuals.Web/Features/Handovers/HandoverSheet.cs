namespace Manuals.Web.Features.Handovers;

/// <summary>
/// The printable handover checklist (引継ぎチェックリスト), every string already in the reader's language, so
/// <see cref="HandoverPdf"/> needs neither resources nor the database.
/// </summary>
/// <param name="Title">The document title, e.g. 業務引継ぎチェックリスト.</param>
/// <param name="Header">
/// 前任者, 後任者, 理由, 発令日, 管理者, 作成日, 状態: printed as a label/value grid. The first value (the predecessor)
/// is repeated beside the title in every page's footer.
/// </param>
/// <param name="ItemHeadings">The eight column headings of the task table, in the order of <see cref="HandoverSheetRow"/>.</param>
/// <param name="Items">One row per task handed over.</param>
/// <param name="EmptyItemsText">Printed instead of the table when <paramref name="Items"/> is empty.</param>
/// <param name="CommonHeading">The heading of the common items, e.g. 共通の引継ぎ事項.</param>
/// <param name="CommonItems">Accounts, file locations, contacts, work in progress, equipment return.</param>
/// <param name="Notice">The password notice printed under the common items.</param>
/// <param name="SignOffHeading">The heading of the signature boxes, e.g. 確認・署名.</param>
/// <param name="Signatures">前任者, 後任者, 管理者.</param>
public sealed record HandoverSheet(
    string Title,
    IReadOnlyList<HandoverSheetField> Header,
    IReadOnlyList<string> ItemHeadings,
    IReadOnlyList<HandoverSheetRow> Items,
    string EmptyItemsText,
    string CommonHeading,
    IReadOnlyList<HandoverSheetCheck> CommonItems,
    string Notice,
    string SignOffHeading,
    IReadOnlyList<HandoverSheetSignature> Signatures);
