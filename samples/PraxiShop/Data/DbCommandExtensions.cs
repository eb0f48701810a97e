using System.Data.Common;

namespace PraxiShop.Data;

internal static class DbCommandExtensions
{
    /// <summary>A command with named parameters (<c>@name</c> works for SQLite and Npgsql alike).</summary>
    public static DbCommand Sql(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // Every caller passes a constant SQL text; values always travel as parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
