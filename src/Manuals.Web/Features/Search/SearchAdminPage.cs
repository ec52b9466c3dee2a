using Manuals.Core.Search;

namespace Manuals.Web.Features.Search;

/// <summary>The admin page of the search index: how much of the library it covers, and the rebuild's state.</summary>
public sealed record SearchAdminPage(SearchIndexStatus Status, SearchRebuildState Rebuild);
