//! Investment and fund rules (`[investment]`).

use super::Period;
use serde::{Deserialize, Serialize};

/// One investment tier: projects of `min_wan` (exclusive unless `min_inclusive`) up to
/// `max_wan` (inclusive unless `max_exclusive`) 万元 follow `steps` in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentTier {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_wan: Option<f64>,
    #[serde(default)]
    pub min_inclusive: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_wan: Option<f64>,
    #[serde(default)]
    pub max_exclusive: bool,
    pub steps: Vec<String>,
    pub article: String,
}

impl InvestmentTier {
    /// Whether a project of `wan` 万元 falls in this tier.
    pub fn contains(&self, wan: f64) -> bool {
        let above_min = match self.min_wan {
            None => true,
            Some(m) if self.min_inclusive => wan >= m,
            Some(m) => wan > m,
        };
        let below_max = match self.max_wan {
            None => true,
            Some(m) if self.max_exclusive => wan < m,
            Some(m) => wan <= m,
        };
        above_min && below_max
    }
}

/// Investment and fund rules (`[investment]`, 信州 only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct InvestmentRules {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<InvestmentTier>,
    /// Consulted departments answer a fund request within this long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund_consultation: Option<Period>,
}

impl InvestmentRules {
    /// The tier a project of `wan` 万元 falls in, if any.
    pub fn tier_for(&self, wan: f64) -> Option<&InvestmentTier> {
        self.tiers.iter().find(|t| t.contains(wan))
    }
}
