using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchLatestAndFindingsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_FindingCount_Id",
                table: "Indicators");

            migrationBuilder.AddColumn<bool>(
                name: "HasFindings",
                table: "Indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_HasFindings_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "HasFindings", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_HasFindings_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_Id",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "HasFindings",
                table: "Indicators");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_FindingCount_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "FindingCount", "Id" });
        }
    }
}
