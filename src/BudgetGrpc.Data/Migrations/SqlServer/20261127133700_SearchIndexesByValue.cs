using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchIndexesByValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_Level1_ValueKey",
                table: "Indicators");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_FiscalYear_Level1_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "FiscalYear", "Level1", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Unit_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Unit", "ValueKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "ValueKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_FiscalYear_Level1_ValueKey_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_Level1_ValueKey_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_Unit_ValueKey_Id",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_ValueKey_Id",
                table: "Indicators");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_ValueKey",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "ValueKey" });
        }
    }
}
