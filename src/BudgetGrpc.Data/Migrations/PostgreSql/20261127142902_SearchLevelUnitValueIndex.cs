using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BudgetGrpc.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SearchLevelUnitValueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Indicators_IsLatest_Level1_Unit_ValueKey_Id",
                table: "Indicators",
                columns: new[] { "IsLatest", "Level1", "Unit", "ValueKey", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Indicators_IsLatest_Level1_Unit_ValueKey_Id",
                table: "Indicators");
        }
    }
}
