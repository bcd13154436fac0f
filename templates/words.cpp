// The renderers' own words in Spanish and Portuguese (see words.hpp). One row per
// English phrase; keep rows sorted by the English text so a missing one is easy to spot.
#include "folio/templates/words.hpp"

#include <algorithm>
#include <array>

namespace folio::templates {
namespace {

struct phrase {
    std::string_view en, es, pt;
};

// clang-format off
constexpr phrase phrases[] = {
    {"Aggregation",          "Agregación",             "Agregação"},
    {"As of",                "A fecha de",             "Posição em"},
    {"Base aggregate",       "Agregado base",          "Agregado base"},
    {"Base aggregates",      "Agregados base",         "Agregados base"},
    {"Base aggregates of the KPI tiles",
     "Agregados base de los indicadores clave",
     "Agregados base dos indicadores-chave"},
    {"By",                   "Por",                    "Por"},
    {"Calculation",          "Cálculo",                "Cálculo"},
    {"Change",               "Variación",              "Variação"},
    {"Change %",             "Variación %",            "Variação %"},
    {"Chart data",           "Datos de gráficos",      "Dados dos gráficos"},
    {"Check failed: {}",
     "Comprobación fallida: {}",
     "Verificação com falha: {}"},
    {"Compared with",        "Comparado con",          "Comparado com"},
    {"Data",                 "Datos",                  "Dados"},
    {"Definitions",          "Definiciones",           "Definições"},
    {"Down",                 "Baja",                   "Queda"},
    {"Folio's value: LibreOffice has no {} function, so a formula would not recalculate there.",
     "Valor calculado por Folio: LibreOffice no tiene la función {}, así que una fórmula no se recalcularía allí.",
     "Valor calculado pelo Folio: o LibreOffice não tem a função {}, então uma fórmula não seria recalculada nele."},
    {"Folio's value: the metric reads an earlier period whose base aggregates are not in this workbook.",
     "Valor calculado por Folio: la métrica lee un período anterior cuyos agregados base no están en este libro.",
     "Valor calculado pelo Folio: a métrica lê um período anterior cujos agregados base não estão nesta pasta de trabalho."},
    {"Folio's value: this metric has no formula to write.",
     "Valor calculado por Folio: esta métrica no tiene una fórmula que escribir.",
     "Valor calculado pelo Folio: esta métrica não tem uma fórmula para escrever."},
    {"Format",               "Formato",                "Formato"},
    {"Formula",              "Fórmula",                "Fórmula"},
    {"Key figures",          "Cifras clave",           "Números-chave"},
    {"Made with",            "Hecho con",              "Feito com"},
    {"Metric",               "Métrica",                "Métrica"},
    {"No change",            "Sin cambios",            "Sem alteração"},
    {"Notes",                "Notas",                  "Notas"},
    {"Off target",           "Fuera del objetivo",     "Fora da meta"},
    {"On target",            "Dentro del objetivo",    "Dentro da meta"},
    {"Only the first {} of {} rows are shown: an Excel sheet holds at most 1,048,576 rows.",
     "Solo se muestran las primeras {} de {} filas: una hoja de Excel admite como máximo 1.048.576 filas.",
     "Apenas as primeiras {} de {} linhas são mostradas: uma planilha do Excel comporta no máximo 1.048.576 linhas."},
    {"Over all the data",    "Sobre todos los datos",  "Sobre todos os dados"},
    {"Over all the data: the metric's sources have no {} dimension.",
     "Sobre todos los datos: las fuentes de la métrica no tienen la dimensión {}.",
     "Sobre todos os dados: as fontes da métrica não têm a dimensão {}."},
    {"Page &P of &N",        "Página &P de &N",        "Página &P de &N"},
    {"Period",               "Período",                "Período"},
    {"Previous",             "Anterior",               "Anterior"},
    {"Showing the first {} of {} rows",
     "Se muestran las primeras {} de {} filas",
     "Mostrando as primeiras {} de {} linhas"},
    {"Summary",              "Resumen",                "Resumo"},
    {"Table",                "Tabla",                  "Tabela"},
    {"Target",               "Objetivo",               "Meta"},
    {"Total",                "Total",                  "Total"},
    {"Up",                   "Sube",                   "Alta"},
    {"Value",                "Valor",                  "Valor"},
    {"Year ago",             "Hace un año",            "Há um ano"},
    {"YoY %",                "Var. interanual %",      "Var. anual %"},
    {"higher is better",     "cuanto más alto, mejor", "quanto maior, melhor"},
    {"lower is better",      "cuanto más bajo, mejor", "quanto menor, melhor"},
    {"row",                  "fila",                   "linha"},
    {"rows",                 "filas",                  "linhas"},
    {"vs",                   "frente a",               "em relação a"},
};
// clang-format on

const phrase* find(std::string_view english) {
    const auto* it = std::find_if(std::begin(phrases), std::end(phrases),
                                  [&](const phrase& p) { return p.en == english; });
    return it == std::end(phrases) ? nullptr : it;
}

}  // namespace

std::string_view translate(std::string_view locale, std::string_view english) {
    const phrase* p = find(english);
    if (p == nullptr) return english;
    const std::string_view language = locale.substr(0, 2);
    if (language == "es" || language == "ES") return p->es;
    if (language == "pt" || language == "PT") return p->pt;
    return p->en;
}

bool has_translation(std::string_view english) { return find(english) != nullptr; }

}  // namespace folio::templates
