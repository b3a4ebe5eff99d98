using System.Data.Common;
using System.Text;

namespace KubeTriage.Storage;

/// <summary>Newest-first keyset paging, shared by every list the store answers.</summary>
internal abstract partial class SqlStore
{
    /// <summary>Runs <c>SELECT columns FROM table WHERE filters</c> one page at a time, newest first.</summary>
    /// <remarks>
    /// Keyset paging: rows strictly after the cursor's (created_at, id), so new rows never shift later pages; one
    /// extra row tells whether another page exists. The command already carries the filters' parameters.
    /// </remarks>
    private async Task<(List<T> Items, string? NextCursor)> ReadPageAsync<T>(
        DbCommand command,
        string columns,
        string table,
        List<string> where,
        PageCursor? after,
        int limit,
        Func<DbCommand, CancellationToken, Task<List<T>>> read,
        Func<T, PageCursor> cursorOf,
        CancellationToken cancellationToken)
    {
        if (after is { } cursor)
        {
            where.Add("(created_at < @after_time OR (created_at = @after_time AND id < @after_id))");
            Add(command, "after_time", ToDb(cursor.CreatedAt));
            Add(command, "after_id", cursor.Id);
        }

        var sql = new StringBuilder("SELECT ").Append(columns).Append(" FROM ").Append(table);
        if (where.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        }

        sql.Append(" ORDER BY created_at DESC, id DESC LIMIT @limit");
        Add(command, "limit", limit + 1);
        command.CommandText = sql.ToString();

        var items = await read(command, cancellationToken);
        if (items.Count <= limit)
        {
            return (items, null);
        }

        items.RemoveAt(items.Count - 1);
        return (items, cursorOf(items[^1]).Encode());
    }
}
