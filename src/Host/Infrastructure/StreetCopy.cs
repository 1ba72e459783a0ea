using System.Reflection;
using Marten.Linq.Members;
using Marten.Schema;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace IssueTracker.Host.Infrastructure;

/// <summary>
/// Copies projected documents straight into their table (COPY … BINARY), each with its stream's version as its
/// revision (<c>mt_version</c>), as the daemon stores it. Marten's bulk loader writes a revision of its own (1), so
/// the rebuild went through a temporary table and an upsert: every document written twice. The duplicated columns
/// are computed as Marten's bulk loader computes them; <c>mt_last_modified</c> takes its default, the transaction's time.
/// </summary>
public sealed class StreetCopy<TDoc> where TDoc : class
{
    private static readonly string[] Written = ["tenant_id", "id", "data", "mt_version", "mt_dotnet_type"];

    private readonly string _sql;
    private readonly Field[] _fields;
    private readonly EnumStorage _enums;

    private sealed record Field(MemberInfo[] Members, NpgsqlDbType DbType, bool IsEnum);

    private StreetCopy(string sql, Field[] fields, EnumStorage enums)
    {
        _sql = sql;
        _fields = fields;
        _enums = enums;
    }

    /// <summary>The copy for the document's table, or none if the table's columns are not exactly those this copy fills.</summary>
    public static async Task<StreetCopy<TDoc>?> ForAsync(NpgsqlConnection connection, DocumentMapping mapping, StoreOptions options, CancellationToken ct)
    {
        var duplicated = mapping.DuplicatedFields.Where(x => !x.OnlyForSearching).ToList();
        // A value type's duplicated field (DuplicatedValueTypeField) is unwrapped by the loader: not done here.
        if (duplicated.Any(x => x.GetType() != typeof(DuplicatedField))) return null;
        var columns = Written.Concat(duplicated.Select(x => x.ColumnName.ToLowerInvariant())).ToList();
        await using var table = new NpgsqlCommand(
            "select array_agg(column_name::text) from information_schema.columns where table_schema = @schema and table_name = @table", connection);
        table.Parameters.AddWithValue("schema", mapping.TableName.Schema);
        table.Parameters.AddWithValue("table", mapping.TableName.Name);
        var present = await table.ExecuteScalarAsync(ct) as string[] ?? [];
        if (!present.ToHashSet().SetEquals(columns.Append("mt_last_modified"))) return null;
        var fields = duplicated.Select(x => new Field(x.Members, x.DbType, (Nullable.GetUnderlyingType(x.MemberType) ?? x.MemberType).IsEnum)).ToArray();
        return new StreetCopy<TDoc>($"COPY {mapping.TableName.QualifiedName} ({string.Join(", ", columns.Select(x => $"\"{x}\""))}) FROM STDIN BINARY",
            fields, options.Advanced.DuplicatedFieldEnumStorage);
    }

    /// <summary>Copies the documents, serialised as <paramref name="json"/>, with their ids and their streams' versions.</summary>
    public async Task WriteAsync(NpgsqlConnection connection, string street, IReadOnlyList<string> json,
        IReadOnlyList<Guid> ids, IReadOnlyList<long> versions, IReadOnlyList<TDoc> documents, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(_sql, ct);
        for (var i = 0; i < documents.Count; i++)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(street, NpgsqlDbType.Varchar, ct);
            await importer.WriteAsync(ids[i], NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(json[i], NpgsqlDbType.Jsonb, ct);
            await importer.WriteAsync(versions[i], NpgsqlDbType.Bigint, ct);
            await importer.WriteAsync(typeof(TDoc).FullName!, NpgsqlDbType.Varchar, ct);
            foreach (var field in _fields)
            {
                if (ValueOf(field, documents[i]) is { } value) await importer.WriteAsync(value, field.DbType, ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>The column's value as Marten's bulk loader writes it: the member path, null where it breaks off, an enum as stored.</summary>
    private object? ValueOf(Field field, TDoc document)
    {
        object? current = document;
        foreach (var member in field.Members)
        {
            if (current is null || member.DeclaringType?.IsInstanceOfType(current) == false) return null;
            current = member switch
            {
                PropertyInfo p => p.GetValue(current),
                FieldInfo f => f.GetValue(current),
                _ => null
            };
        }
        return current is not null && field.IsEnum
            ? _enums == EnumStorage.AsString ? current.ToString() : Convert.ToInt32(current)
            : current;
    }
}
