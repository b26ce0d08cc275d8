//! One file per screen: each draws from the state it is given and never changes it.

pub mod desk;
pub mod help;
pub mod home;
pub mod message;
pub mod note;
pub mod player;
pub mod progress;
pub mod rating;
pub mod summary;
